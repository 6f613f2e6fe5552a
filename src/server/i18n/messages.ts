import type { Locale } from '../../shared/roles.ts';

/** Server-side texts: problem titles and field messages, in the caller's language. */
const messages = {
  sv: {
    problems: {
      validation_failed: 'Uppgifterna kunde inte sparas: kontrollera fälten.',
      unauthenticated: 'Du behöver logga in.',
      invalid_credentials: 'Fel e-postadress eller lösenord.',
      csrf_invalid: 'Sidan hade gått ut. Ladda om och försök igen.',
      forbidden: 'Du har inte behörighet till det här.',
      not_found: 'Det du söker finns inte.',
      conflict: 'Det finns redan.',
      token_invalid: 'Länken är ogiltig, redan använd eller har gått ut.',
      rate_limited: 'För många försök. Vänta en stund och försök igen.',
      payload_too_large: 'Det du skickade är för stort.',
      uri_too_long: 'Adressen är för lång.',
      unsupported_media_type: 'Innehållstypen stöds inte: skicka JSON, eller en fil som multipart/form-data.',
      internal: 'Något gick fel hos oss. Försök igen om en stund.',
    },
    fields: {
      required: 'Måste fyllas i.',
      invalid_type: 'Har fel format.',
      too_small_string: 'Måste vara minst {min} tecken.',
      too_big_string: 'Får vara högst {max} tecken.',
      too_small_number: 'Måste vara minst {min}.',
      too_big_number: 'Får vara högst {max}.',
      too_small_array: 'Måste ha minst {min}.',
      too_big_array: 'Får ha högst {max}.',
      invalid_email: 'Måste vara en giltig e-postadress.',
      invalid_date: 'Måste vara ett datum (ÅÅÅÅ-MM-DD).',
      invalid_uuid: 'Måste vara ett giltigt id.',
      invalid_url: 'Måste vara en giltig webbadress.',
      invalid_format: 'Har fel format.',
      invalid_value: 'Måste vara ett av: {options}.',
      unrecognized_keys: 'Okänt fält.',
      not_integer: 'Måste vara ett heltal.',
      duplicate: 'Finns redan.',
      already_member: 'Personen har redan den rollen.',
      not_in_network: 'Finns inte i nätverket.',
      email_taken: 'E-postadressen används redan.',
      custom: 'Ogiltigt värde.',
      key_format: 'Får bara innehålla a–z, 0–9, - och _.',
      not_below_min: 'Får inte vara lägre än minimivärdet.',
      not_before_start: 'Får inte vara före startdatumet.',
      org_number_format: 'Måste vara ett organisationsnummer, t.ex. 212000-0142.',
      control_characters:
        'Får inte innehålla osynliga styrtecken. Skriv in texten igen i stället för att klistra in den.',
      one_line: 'Får bara vara en rad, utan radbrytningar eller tabbar.',
      too_deep: 'Är för djupt nästlat.',
      weak_password: 'Lösenordet måste ha minst {min} tecken.',
      apply_not_your_organisation: 'Du kan bara ansöka genom en organisation du tillhör.',
      not_in_programme: 'Hör inte till programmet.',
      not_yourself: 'Ange din chef, inte dig själv.',
      book_cleared: 'Mentorboken är rensad. Inget kan skrivas i den längre.',
      book_read_only: 'Paret är avslutat. Mentorboken går att läsa, ladda ner och rensa men inte ändra.',
      book_goal_not_found: 'Välj ett av era mål.',
      book_private_goal: 'Målet är privat. Det som hör till det måste också vara privat.',
      book_meeting_not_found: 'Välj ett av era möten som inte är inställt.',
      book_kind_fixed: 'Typen av anteckning går inte att ändra.',
      book_only_author_visibility: 'Bara den som skrev anteckningen kan ändra vem som ser den.',
      book_goal_fixed: 'Målet som steget eller skattningen hör till går inte att ändra.',
      book_meeting_fixed: 'Mötet som anteckningen gäller går inte att ändra.',
      invalid_time: 'Måste vara en tid som TT:MM, till exempel 09:30.',
      meeting_in_past: 'Mötet måste ligga fram i tiden.',
      choose_meeting_mode: 'Välj hur ni ses: på plats, video eller telefon.',
      meeting_time_skipped:
        'Den tiden finns inte den dagen (klockan ställs fram en timme). Välj en annan tid.',
      meeting_pair_not_running: 'Paret har avslutats. Möten kan inte bokas eller ändras längre.',
      meeting_closed: 'Mötet är redan hållet eller inställt och kan inte ändras.',
      meeting_not_started: 'Mötet har inte börjat än. Det kan markeras som hållet när det har börjat.',
      book_goal_has_others_items:
        'Den andra i paret har skrivit steg eller skattningar under målet. Målet kan inte göras privat eller tas bort.',
      book_share_private:
        'Bara det ni delar med varandra kan delas med koordinatorn. Gör anteckningen delad först.',
      book_clear_shared_after_end: 'Det ni delar kan rensas först när paret är avslutat.',
      plan_pair_not_running: 'Paret är avslutat. Processplanen kan inte bockas av längre.',
      plan_done_by_fact:
        'Punkten blev klar av sig själv (ett hållet möte, en underskrift eller en avstämning) och kan inte ångras här.',
      plan_by_fact_only:
        'Punkten blir klar av sig själv i Bollplank: när ni båda har skrivit under, svarat på avstämningen eller när paret avslutas.',
      checkin_none: 'Programmet har ingen avstämning.',
      checkin_not_open: 'Avstämningen öppnar när ni har haft {meetings} möten.',
      checkin_answered: 'Du har redan svarat på avstämningen.',
      own_application:
        'Du kan inte besluta om din egen ansökan. En annan koordinator i organisationen eller en administratör gör det.',
      notice_outdated: 'Integritetsinformationen har ändrats. Läs den nya versionen och bekräfta igen.',
      required_when_ineligible: 'Beskriv varför ansökan bör prövas trots att ett krav inte är uppfyllt.',
      programme_not_open: 'Programmet tar inte emot ansökningar just nu.',
      already_applied: 'Du har redan en pågående ansökan i den rollen till programmet.',
      apply_opens_between:
        'Du kan ansöka till {round} från {opens} till och med {closes}. Du kan inte ansöka förrän dess.',
      apply_opens_on: 'Du kan ansöka till {round} från {opens}. Du kan inte ansöka förrän dess.',
      apply_closed_on: 'Sista dagen att ansöka till {round} var {closes}.',
      apply_round_ended: 'Omgången {round} är redan avslutad.',
      apply_period_over:
        'Ansökningstiden gick ut {closes}. Programmet tar inte emot fler ansökningar just nu.',
      apply_title_required: 'Skriv din befattning.',
      apply_areas_required: 'Välj minst ett utvecklingsområde.',
      apply_goals_required: 'Skriv vad du vill uppnå med mentorskapet.',
      apply_competences_required: 'Välj minst ett område du kan bidra med som mentor.',
      apply_levels_required: 'Välj minst en chefsnivå du har erfarenhet av.',
      apply_manager_name_required: 'Skriv namnet på din chef.',
      apply_manager_email_required: 'Skriv din chefs e-postadress.',
      apply_manager_email_invalid: 'Skriv din chefs e-postadress i formen namn@exempel.se.',
      apply_answer_required: 'Svara på frågan ”{question}”.',
      apply_choice_required: 'Välj ett svar på frågan ”{question}”.',
      apply_choices_required: 'Välj minst ett svar på frågan ”{question}”.',
      reason_required_to_decline:
        'Skriv varför du inte godkänner ansökan. Den sökande och koordinatorn får läsa motiveringen.',
      approver_name_phrase:
        'Skriv bara vem som godkänner, så att det passar efter ”godkänd av”, till exempel ”kommunens ansvariga chef”: ingen punkt, inget kolon.',
      cannot_change: 'Kan inte ändras.',
      scale_range: 'Välj ett värde från 1 till {max}.',
      invalid_purpose: 'Det ändamålet kräver inget samtycke i programmet.',
      choice_needs_options: 'Ett flervalsalternativ behöver minst två svarsalternativ.',
      unknown_step: 'Steget finns inte i programmets mentorsutbildning.',
      file_required: 'Välj en fil att importera.',
      file_empty: 'Filen är tom.',
      file_type: 'Filen måste vara en CSV-fil eller en Excel-fil (XLSX).',
      file_too_large: 'Filen får vara högst {max} MB.',
      one_file_only: 'Skicka en fil åt gången.',
      multipart_required: 'Filen måste skickas som multipart/form-data.',
      csv_invalid: 'CSV-filen kunde inte läsas (fel vid rad {line}).',
      no_header:
        'Filen saknar rubrikrad: första raden ska ha kolumnerna namn, e-post, organisation och roll.',
      no_rows: 'Filen har inga rader att importera.',
      too_many_rows: 'Filen får ha högst {max} rader.',
      too_many_columns:
        'Filen har fler kolumner än en import använder (högst {max}; rad {row} har fler). Ta bort kolumnerna som inte behövs, eller kopiera kolumnerna namn, e-post, organisation och roll till en ny fil.',
      too_many_cells:
        'Filen har fler ifyllda celler än en import läser (högst {max}). Ta bort kolumnerna som inte behövs, eller dela upp filen.',
      too_many_lines:
        'Filen har fler än {max} rader, tomma rader medräknade. Ta bort de tomma raderna, eller dela upp filen.',
      xlsx_too_large:
        'Excel-filen är större uppackad än en import läser (högst {max} MB). Spara bladet med deltagarna i en ny fil, eller spara det som CSV.',
      xlsx_too_many_parts:
        'Excel-filen har fler delar (blad, bilder och liknande) än en import läser (högst {max}). Spara bladet med deltagarna i en ny fil, eller spara det som CSV.',
      xlsx_too_many_texts:
        'Excel-filen har fler olika texter än en import läser (högst {max}). Spara bladet med deltagarna i en ny fil, eller spara det som CSV.',
      xlsx_invalid:
        'Excel-filen kunde inte läsas. Öppna den i Excel och spara den igen, eller spara den som CSV.',
      missing_column_name: 'Kolumnen ”namn” saknas i rubrikraden.',
      missing_column_email: 'Kolumnen ”e-post” saknas i rubrikraden.',
      missing_column_organisation: 'Kolumnen ”organisation” saknas i rubrikraden.',
      missing_column_role: 'Kolumnen ”roll” saknas i rubrikraden.',
      unknown_organisation: 'Det finns ingen organisation med det namnet i nätverket.',
      unknown_role: 'Okänd roll: skriv adept, mentor, chef eller koordinator.',
      role_not_allowed: 'Du kan inte bjuda in någon till den rollen.',
      not_coordinated_organisation: 'Du kan bara bjuda in till organisationer du är koordinator för.',
      duplicate_in_file: 'Samma person, organisation och roll finns redan på rad {row}.',
      already_invited: 'Har redan en inbjudan till den rollen som inte är besvarad.',
      coordinates_together: 'Ange både latitud och longitud, eller ingen av dem.',
      weights_all_zero: 'Minst ett kriterium måste ha en vikt över 0.',
      one_adept_at_a_time: 'Programmet matchar en adept i taget: välj en adept som väntar.',
      no_adepts_waiting: 'Ingen antagen adept väntar på en mentor i omgången.',
      not_waiting: 'Adepten väntar inte på en mentor.',
      already_paired: 'Adepten har redan en mentor i programmet.',
      mentor_unavailable: 'Mentorn kan inte matchas nu: pausad eller inte antagen.',
      pair_forbidden: 'Paret är spärrat: det har prövats, avböjts eller spärrats på matchningssidan.',
      no_free_capacity: 'Mentorn har ingen ledig plats.',
      breaks_constraints:
        'Paret bryter mot ett krav för matchning. Bekräfta att du ändå vill låsa det, och skriv varför.',
      run_not_done: 'Körningen är inte klar.',
      not_in_run: 'Finns inte i körningen.',
      cannot_decline: 'Paret kan inte längre avböjas här; kontakta koordinatorn.',
      conflict_not_yourself: 'Ange någon annans e-postadress än din egen.',
      text_changed: 'Texten har ändrats sedan du läste den. Läs den igen och skriv under på nytt.',
      unknown_question: 'Frågan finns inte i programmets kontrakt.',
      too_many: 'Får vara högst {max} månader.',
      not_extendable: 'Programmet går inte att förlänga.',
      no_extensions_left: 'Ni har redan fått så många förlängningar som programmet ger.',
      not_seconded: 'Båda i paret måste be om förlängningen innan den kan godkännas.',
      not_an_advisor: 'Välj en av programmets rådgivare.',
      already_requested: 'Det finns redan en begäran som inte är besvarad.',
      already_decided: 'Begäran är redan besvarad.',
      already_seconded: 'Begäran har redan fått medhåll.',
      own_request: 'Du har själv bett om det; den andra i paret behöver hålla med.',
      not_allowed_now: 'Det går inte i parets nuvarande läge.',
      changed_meanwhile: 'Någon annan ändrade paret samtidigt. Ladda om sidan.',
      pair_ended: 'Paret är avslutat.',
    },
  },
  en: {
    problems: {
      validation_failed: 'The data could not be saved: check the fields.',
      unauthenticated: 'You need to sign in.',
      invalid_credentials: 'Wrong e-mail address or password.',
      csrf_invalid: 'The page had expired. Reload it and try again.',
      forbidden: 'You are not allowed to do this.',
      not_found: 'What you are looking for does not exist.',
      conflict: 'It already exists.',
      token_invalid: 'The link is invalid, already used or expired.',
      rate_limited: 'Too many attempts. Wait a while and try again.',
      payload_too_large: 'What you sent is too large.',
      uri_too_long: 'The address is too long.',
      unsupported_media_type: 'Unsupported content type: send JSON, or a file as multipart/form-data.',
      internal: 'Something went wrong on our side. Try again in a moment.',
    },
    fields: {
      required: 'Is required.',
      invalid_type: 'Has the wrong format.',
      too_small_string: 'Must be at least {min} characters.',
      too_big_string: 'Must be at most {max} characters.',
      too_small_number: 'Must be at least {min}.',
      too_big_number: 'Must be at most {max}.',
      too_small_array: 'Must have at least {min}.',
      too_big_array: 'Must have at most {max}.',
      invalid_email: 'Must be a valid e-mail address.',
      invalid_date: 'Must be a date (YYYY-MM-DD).',
      invalid_uuid: 'Must be a valid id.',
      invalid_url: 'Must be a valid web address.',
      invalid_format: 'Has the wrong format.',
      invalid_value: 'Must be one of: {options}.',
      unrecognized_keys: 'Unknown field.',
      not_integer: 'Must be a whole number.',
      duplicate: 'Already exists.',
      already_member: 'The person already has that role.',
      not_in_network: 'Does not exist in the network.',
      email_taken: 'The e-mail address is already in use.',
      custom: 'Invalid value.',
      key_format: 'May only contain a–z, 0–9, - and _.',
      not_below_min: 'Must not be lower than the minimum.',
      not_before_start: 'Must not be before the start date.',
      org_number_format: 'Must be an organisation number, e.g. 212000-0142.',
      control_characters:
        'Must not contain invisible control characters. Type the text again instead of pasting it.',
      one_line: 'Must be one line, without line breaks or tabs.',
      too_deep: 'Is nested too deeply.',
      weak_password: 'The password must have at least {min} characters.',
      apply_not_your_organisation: 'You can only apply through an organisation you belong to.',
      not_in_programme: 'Does not belong to the programme.',
      not_yourself: 'Name your manager, not yourself.',
      book_cleared: 'The mentor book has been cleared. Nothing more can be written in it.',
      book_read_only:
        'The pair has ended. The mentor book can be read, downloaded and cleared but not changed.',
      book_goal_not_found: 'Choose one of your goals.',
      book_private_goal: 'The goal is private. What belongs to it must be private too.',
      book_meeting_not_found: 'Choose one of your meetings that is not cancelled.',
      book_kind_fixed: 'The kind of note cannot be changed.',
      book_only_author_visibility: 'Only the one who wrote the note can change who sees it.',
      book_goal_fixed: 'The goal a step or rating belongs to cannot be changed.',
      book_meeting_fixed: 'The meeting a note is about cannot be changed.',
      invalid_time: 'Must be a time as HH:MM, for example 09:30.',
      meeting_in_past: 'The meeting must be in the future.',
      choose_meeting_mode: 'Choose how you meet: in person, video or phone.',
      meeting_time_skipped:
        'That time does not exist on that day (the clocks go forward an hour). Choose another time.',
      meeting_pair_not_running: 'The pair has ended. Meetings can no longer be booked or changed.',
      meeting_closed: 'The meeting is already held or cancelled and cannot be changed.',
      meeting_not_started: 'The meeting has not started yet. It can be marked held once it has started.',
      book_goal_has_others_items:
        'The other party has written steps or ratings under the goal. It cannot be made private or deleted.',
      book_share_private:
        'Only what you share with each other can be shared with the coordinator. Make the note shared first.',
      book_clear_shared_after_end: 'What you share can be cleared only once the pair has ended.',
      plan_pair_not_running: 'The pair has ended. The process plan can no longer be ticked off.',
      plan_done_by_fact:
        'This was completed by itself (a held meeting, a signature or a check-in) and cannot be undone here.',
      plan_by_fact_only:
        'This is done by itself in Bollplank: once you have both signed, answered the check-in, or when the pair is closed.',
      checkin_none: 'The programme has no check-in.',
      checkin_not_open: 'The check-in opens once you have had {meetings} meetings.',
      checkin_answered: 'You have already answered the check-in.',
      own_application:
        'You cannot decide on your own application. Another coordinator of the organisation or an administrator does.',
      notice_outdated: 'The personal-data notice has changed. Read the new version and confirm again.',
      required_when_ineligible: 'Describe why the application should be considered though a rule is not met.',
      programme_not_open: 'The programme does not take applications now.',
      already_applied: 'You already have an open application in that role to the programme.',
      apply_opens_between: 'You can apply to {round} from {opens} to {closes}. You cannot apply before then.',
      apply_opens_on: 'You can apply to {round} from {opens}. You cannot apply before then.',
      apply_closed_on: 'The last day to apply to {round} was {closes}.',
      apply_round_ended: 'The round {round} has already ended.',
      apply_period_over:
        'Applications closed on {closes}. The programme does not take more applications now.',
      apply_title_required: 'Enter your job title.',
      apply_areas_required: 'Choose at least one development area.',
      apply_goals_required: 'Enter what you want to achieve with the mentorship.',
      apply_competences_required: 'Choose at least one area you can contribute to as a mentor.',
      apply_levels_required: 'Choose at least one management level you have experience of.',
      apply_manager_name_required: 'Enter your manager’s name.',
      apply_manager_email_required: 'Enter your manager’s email address.',
      apply_manager_email_invalid: 'Enter your manager’s email address in the form name@example.org.',
      apply_answer_required: 'Answer the question “{question}”.',
      apply_choice_required: 'Choose an answer to the question “{question}”.',
      apply_choices_required: 'Choose at least one answer to the question “{question}”.',
      reason_required_to_decline:
        'Say why you do not approve the application. The applicant and the coordinator will read the reason.',
      approver_name_phrase:
        'Write only who approves, so that it fits after “approved by”, for example “the municipality’s responsible manager”: no full stop, no colon.',
      cannot_change: 'Cannot be changed.',
      scale_range: 'Choose a value from 1 to {max}.',
      invalid_purpose: 'That purpose asks no consent in this programme.',
      choice_needs_options: 'A choice question needs at least two options.',
      unknown_step: 'The step is not part of the programme’s mentor training.',
      file_required: 'Choose a file to import.',
      file_empty: 'The file is empty.',
      file_type: 'The file must be a CSV file or an Excel file (XLSX).',
      file_too_large: 'The file must be at most {max} MB.',
      one_file_only: 'Send one file at a time.',
      multipart_required: 'The file must be sent as multipart/form-data.',
      csv_invalid: 'The CSV file could not be read (error at line {line}).',
      no_header:
        'The file has no header row: the first row must name the columns name, email, organisation and role.',
      no_rows: 'The file has no rows to import.',
      too_many_rows: 'The file may have at most {max} rows.',
      too_many_columns:
        'The file has more columns than an import uses (at most {max}; row {row} has more). Delete the columns you do not need, or copy the columns name, email, organisation and role to a new file.',
      too_many_cells:
        'The file has more filled cells than an import reads (at most {max}). Delete the columns you do not need, or split the file.',
      too_many_lines:
        'The file has more than {max} lines, blank lines included. Delete the blank lines, or split the file.',
      xlsx_too_large:
        'The Excel file is larger unpacked than an import reads (at most {max} MB). Save the sheet with the participants in a new file, or save it as CSV.',
      xlsx_too_many_parts:
        'The Excel file has more parts (sheets, pictures and the like) than an import reads (at most {max}). Save the sheet with the participants in a new file, or save it as CSV.',
      xlsx_too_many_texts:
        'The Excel file has more distinct texts than an import reads (at most {max}). Save the sheet with the participants in a new file, or save it as CSV.',
      xlsx_invalid:
        'The Excel file could not be read. Open it in Excel and save it again, or save it as CSV.',
      missing_column_name: 'The column “name” is missing from the header row.',
      missing_column_email: 'The column “email” is missing from the header row.',
      missing_column_organisation: 'The column “organisation” is missing from the header row.',
      missing_column_role: 'The column “role” is missing from the header row.',
      unknown_organisation: 'There is no organisation by that name in the network.',
      unknown_role: 'Unknown role: write adept, mentor, manager or coordinator.',
      role_not_allowed: 'You cannot invite anyone to that role.',
      not_coordinated_organisation: 'You can only invite to organisations you coordinate.',
      duplicate_in_file: 'The same person, organisation and role are already on row {row}.',
      already_invited: 'Already has an unanswered invitation to that role.',
      coordinates_together: 'Give both latitude and longitude, or neither.',
      weights_all_zero: 'At least one criterion must weigh more than 0.',
      one_adept_at_a_time: 'The programme matches one adept at a time: choose an adept who is waiting.',
      no_adepts_waiting: 'No admitted adept in the round is waiting for a mentor.',
      not_waiting: 'The adept is not waiting for a mentor.',
      already_paired: 'The adept already has a mentor in the programme.',
      mentor_unavailable: 'The mentor cannot be matched now: paused or not admitted.',
      pair_forbidden: 'The pair is forbidden: it was tried, declined or forbidden on the matching board.',
      no_free_capacity: 'The mentor has no free place.',
      breaks_constraints:
        'The pair breaks a matching rule. Confirm that you want to lock it anyway, and say why.',
      run_not_done: 'The run has not finished.',
      not_in_run: 'Is not part of the run.',
      cannot_decline: 'The pair can no longer be declined here; contact the coordinator.',
      conflict_not_yourself: 'Give someone else’s e-mail address than your own.',
      text_changed: 'The text has changed since you read it. Read it again and sign anew.',
      unknown_question: "Is not one of the programme's contract questions.",
      too_many: 'Must be at most {max} months.',
      not_extendable: 'The programme cannot be extended.',
      no_extensions_left: 'You already had as many extensions as the programme gives.',
      not_seconded: 'Both in the pair must ask for the extension before it can be approved.',
      not_an_advisor: "Choose one of the programme's advisors.",
      already_requested: 'There is already a request waiting for an answer.',
      already_decided: 'The request has already been answered.',
      already_seconded: 'The request has already been seconded.',
      own_request: 'You asked for it yourself; the other in the pair needs to agree.',
      not_allowed_now: "That is not possible in the pair's current status.",
      changed_meanwhile: 'Someone else changed the pair at the same time. Reload the page.',
      pair_ended: 'The pair has ended.',
    },
  },
} as const;

export type FieldMessageKey = keyof (typeof messages)['sv']['fields'];
export type ProblemKey = keyof (typeof messages)['sv']['problems'];

export function problemTitle(locale: Locale, code: ProblemKey): string {
  return messages[locale].problems[code];
}

export function fieldMessage(
  locale: Locale,
  key: string,
  params: Record<string, string | number> = {},
): string {
  const template = (messages[locale].fields as Record<string, string>)[key];
  // Custom refinements carry their own (English) text; show it as is rather than hide it.
  const text = template ?? key;
  return text.replace(/\{(\w+)\}/g, (_, name: string) => String(params[name] ?? ''));
}

/**
 * Field messages that do not say what they are about ("Måste fyllas i."). A list of errors away from
 * the fields names the field before them; the other messages name their subject themselves
 * ("Välj minst ett utvecklingsområde.") and stand alone.
 */
export const genericFieldMessages: ReadonlySet<string> = new Set([
  'required',
  'invalid_type',
  'too_small_string',
  'too_big_string',
  'too_small_number',
  'too_big_number',
  'too_small_array',
  'too_big_array',
  'invalid_email',
  'invalid_date',
  'invalid_uuid',
  'invalid_url',
  'invalid_format',
  'invalid_value',
  'unrecognized_keys',
  'not_integer',
  'duplicate',
  'custom',
  'key_format',
  'not_below_min',
  'not_before_start',
  'control_characters',
  'one_line',
  'too_deep',
  'cannot_change',
  'scale_range',
]);

/** The first of our languages in an Accept-Language header, or undefined when it names neither. */
export function pickLocale(acceptLanguage: string | undefined): Locale | undefined {
  if (!acceptLanguage) return undefined;
  for (const part of acceptLanguage.split(',')) {
    const tag = part.split(';')[0]?.trim().toLowerCase() ?? '';
    if (tag.startsWith('sv')) return 'sv';
    if (tag.startsWith('en')) return 'en';
  }
  return undefined;
}
