/**
 * The four built-in programme templates. Each one mirrors one of the programme shapes in the seed
 * documents (SPEC §2); a network administrator creates a programme from a template and then edits
 * its settings freely, so nothing here is hard-coded behaviour.
 *
 * Fields that the schema keeps as plain text (otherCriteria, advisorRole, onlyFor, usualPlace,
 * fee.note) are written in Swedish, the default interface language.
 */
import {
  defaultConfidentialityText,
  defaultContractQuestions,
  policeContractRules,
} from '../../../shared/contract-texts.ts';
import {
  defaultDevelopmentAreas,
  defaultMatchingWeights,
  defaultPrivacy,
  type ProgrammeTemplate,
  type ProgrammeTemplateKey,
} from '../../../shared/programme.ts';

/** Seed 000: Polisens chefsstöd — mentorskap. */
const policePool: ProgrammeTemplate = {
  key: 'police_pool',
  name: {
    sv: 'Polisens chefsstöd – mentorskap',
    en: 'Police management support – mentoring',
  },
  description: {
    sv: 'Löpande mentorskap för chefer och ledare inom Polisen. Mentorskoordinatorn i varje myndighet ansvarar för mentorspoolen och matchar dig med en mentor från din egen myndighet, en annan polismyndighet eller ett externt nätverk. Mentorskapet pågår cirka ett år och kan förlängas med ytterligare ett år. Det som tas upp stannar mellan mentor och adept.',
    en: 'Continuous mentoring for managers and leaders in the Police. The mentor coordinator in each authority keeps the mentor pool and matches you with a mentor from your own authority, another police authority or an external network. A mentorship lasts about a year and can be extended by one more year. What is said stays between mentor and adept.',
  },
  settings: {
    intake: { mode: 'continuous', approvalReminderDays: 5 },
    developmentAreas: defaultDevelopmentAreas,
    applicationQuestions: [
      {
        key: 'leadership-programme',
        forRoles: ['mentor'],
        type: 'choice',
        label: {
          sv: 'Har du gått något av Polisens chefsprogram? (meriterande)',
          en: 'Have you taken one of the Police leadership programmes? (a merit)',
        },
        options: [
          { key: 'yes', label: { sv: 'Ja', en: 'Yes' } },
          { key: 'no', label: { sv: 'Nej', en: 'No' } },
        ],
        scaleMax: null,
        required: true,
        private: false,
      },
      {
        key: 'why-mentor',
        forRoles: ['mentor'],
        type: 'text',
        label: { sv: 'Varför vill du bli mentor?', en: 'Why do you want to be a mentor?' },
        options: [],
        scaleMax: null,
        required: true,
        private: false,
      },
      {
        key: 'manager-ideas',
        forRoles: ['adept'],
        type: 'text',
        label: {
          sv: 'Vilka tankar och idéer har din chef bidragit med inför mentorskapet?',
          en: 'What thoughts and ideas has your manager contributed before the mentorship?',
        },
        options: [],
        scaleMax: null,
        required: false,
        private: false,
      },
    ],
    privacy: defaultPrivacy,
    eligibility: {
      adept: {
        minMonthsManagingStaff: null,
        experienceMustBeDocumented: false,
        minCapacity: null,
        requiresMentorTraining: false,
        otherCriteria:
          'Du är chef eller ledare inom Polisen och har förankrat mentorskapet hos din chef, som också ska få bidra med tankar och idéer inför mentorskapet.',
      },
      mentor: {
        minMonthsManagingStaff: 48,
        experienceMustBeDocumented: true,
        minCapacity: 1,
        requiresMentorTraining: true,
        otherCriteria:
          'Polisens nationella mentorskriterier: fyra års dokumenterad chefs-/ledarerfarenhet, möjlighet att ha minst en adept löpande och att delta i erfarenhetsutbyte med andra mentorer en gång per år, ett genuint intresse av att verka som mentor, vara en föredömlig kulturbärare, grundläggande kompetens i aktivt lyssnande, stödjande förhållningssätt och mentorsrollen samt utbildning i samtalsteknik. Meriterande: något av Polisens chefsprogram.',
      },
      allowExceptions: false,
    },
    approvalSteps: [
      {
        key: 'adept_manager',
        approver: 'manager',
        appliesTo: ['adept'],
        approverName: { sv: 'sökandens närmaste chef', en: "the applicant's line manager" },
        description: {
          sv: 'Chefen känner till och bekräftar mentorskapet.',
          en: 'The manager knows about and confirms the mentorship.',
        },
      },
      {
        key: 'mentor_manager',
        approver: 'manager',
        appliesTo: ['mentor'],
        approverName: { sv: 'sökandens närmaste chef', en: "the applicant's line manager" },
        description: {
          sv: 'Chefen bekräftar att det finns utrymme för uppdraget som mentor.',
          en: 'The manager confirms that there is room for the assignment as a mentor.',
        },
      },
      {
        key: 'mentor_hr',
        approver: 'hr',
        appliesTo: ['mentor'],
        approverName: { sv: 'myndighetens HR-funktion', en: "the authority's HR function" },
        description: {
          sv: 'HR anmäler behovet till Polisens chefs- och ledarcenter.',
          en: 'HR reports the need to the Police Management and Leadership Centre.',
        },
      },
    ],
    mentorTraining: {
      steps: [
        {
          key: 'trial_day',
          title: {
            sv: 'Prova-på-dag (halvdag i seminarieform)',
            en: 'Taster day (half a day, seminar format)',
          },
          practiceMeetings: null,
        },
        {
          key: 'days_1_2',
          title: {
            sv: 'Dag 1–2: mentorsrollen, samtalsteknik (aktivt lyssnande, stödjande förhållningssätt) och samtalsprocessen (bästa förutsättningar, initialsamtalet, samtalsflöde)',
            en: 'Days 1–2: the mentor role, conversation technique (active listening, a supportive approach) and the conversation process (best conditions, the initial conversation, conversation flow)',
          },
          practiceMeetings: null,
        },
        {
          key: 'practice',
          title: {
            sv: 'Eget mentorsuppdrag med en adept (minst 2 möten)',
            en: 'Own mentoring assignment with an adept (at least 2 meetings)',
          },
          practiceMeetings: 2,
        },
        {
          key: 'day_3',
          title: {
            sv: 'Dag 3, mentorsseminarium: erfarenhetsutbyte, att integrera Polisens chefs- och ledarverktyg i samtalen och avslutningssamtalet',
            en: "Day 3, mentor seminar: experience exchange, bringing the Police's management and leadership tools into the conversations, and the closing conversation",
          },
          practiceMeetings: null,
        },
      ],
      yearlyExperienceExchange: true,
    },
    matching: {
      weights: defaultMatchingWeights,
      firstContact: 'adept',
      crossOrganisation: 'allowed',
      excludeDependency: true,
      mentorLevelAtLeastAdept: true,
      advisorRole:
        'Mentorskoordinatorn i myndigheten – hör av dig dit om ni inte vill arbeta vidare ihop, så får du ett nytt förslag på mentor.',
    },
    duration: { months: 12, extensionMonths: 12, maxExtensions: 1 },
    cadence: {
      meetingEveryWeeksMin: 4,
      meetingEveryWeeksMax: 8,
      meetingHoursMin: 1,
      meetingHoursMax: 3,
      expectedMeetings: null,
      usualPlace:
        'Enligt överenskommelse mellan mentor och adept. Tiden 1–3 timmar inkluderar för- och efterarbete.',
    },
    processPlan: [
      {
        key: 'initial_conversation',
        title: {
          sv: 'Adepten kontaktar mentorn och ni håller initialsamtalet: vad vill adepten utveckla?',
          en: 'The adept contacts the mentor and you hold the initial conversation: what does the adept want to develop?',
        },
        offsetDays: 14,
        roles: ['adept', 'mentor'],
        onlyFor: '',
      },
      {
        key: 'contract',
        title: {
          sv: 'Gemensamma spelregler dokumenterade i ett kontrakt',
          en: 'Shared ground rules written down in a contract',
        },
        offsetDays: 28,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'contract_signed',
      },
      {
        key: 'conscious_ending',
        title: {
          sv: 'Mentorskapet avslutas medvetet och tydligt med ett avslutningssamtal (mentorn ansvarar)',
          en: 'The mentorship is ended consciously and clearly with a closing conversation (the mentor is responsible)',
        },
        offsetDays: 365,
        roles: ['mentor'],
        onlyFor: '',
      },
      {
        key: 'follow_up',
        title: {
          sv: 'Uppföljning med adeptens chef: har målen uppfyllts eller behövs ytterligare chefsstöd?',
          en: "Follow-up with the adept's manager: were the goals met, or is more management support needed?",
        },
        offsetDays: 395,
        roles: ['adept', 'manager'],
        onlyFor: '',
      },
    ],
    events: [
      {
        key: 'trial_day',
        kind: 'training',
        title: { sv: 'Prova-på-dag för blivande mentorer', en: 'Taster day for prospective mentors' },
        offsetDays: null,
        durationHours: 4,
        forRoles: ['mentor'],
      },
      {
        key: 'training_days_1_2',
        kind: 'training',
        title: { sv: 'Mentorsutbildning dag 1–2', en: 'Mentor training, days 1–2' },
        offsetDays: null,
        durationHours: null,
        forRoles: ['mentor'],
      },
      {
        key: 'training_day_3',
        kind: 'training',
        title: {
          sv: 'Mentorsutbildning dag 3 – mentorsseminarium',
          en: 'Mentor training, day 3 – mentor seminar',
        },
        offsetDays: null,
        durationHours: null,
        forRoles: ['mentor'],
      },
      {
        key: 'experience_exchange',
        kind: 'experience_exchange',
        title: { sv: 'Årligt erfarenhetsutbyte för mentorer', en: 'Yearly experience exchange for mentors' },
        offsetDays: null,
        durationHours: null,
        forRoles: ['mentor'],
      },
    ],
    fee: { basis: 'none', amountOre: 0, note: '' },
    documents: {
      contract: true,
      confidentialityAgreement: true,
      ethicsGuidelines: false,
      mentorBook: false,
      leaderProfile: false,
      recommendedReading: [],
      retentionMonthsAfterClosing: 12,
      contractQuestions: defaultContractQuestions,
      contractRules: policeContractRules,
      confidentialityText: defaultConfidentialityText,
    },
  },
};

/** Seed 001: ST inom Sveriges Domstolar, adept- och mentorprogram för avdelningsstyrelsen. */
const unionBranch: ProgrammeTemplate = {
  key: 'union_branch',
  name: {
    sv: 'Adept- och mentorprogram (ST inom Sveriges Domstolar)',
    en: 'Adept and mentor programme (ST inom Sveriges Domstolar)',
  },
  description: {
    sv: 'Styrelsen utser en mentor till varje nyvald ordinarie ledamot eller ersättare. Mentorn är en styrelseledamot som haft sitt uppdrag något eller några år och hjälper adepten in i rollen som facklig företrädare. Ni har kontakt minst en gång i månaden under ett år, vid behov ett och ett halvt. Avdelningsordföranden är rådgivare om problem uppstår. Tystnadsplikt och god etik är en självklarhet.',
    en: 'The board appoints a mentor for each newly elected ordinary member or deputy. The mentor is a board member who has held their seat for a year or more and helps the adept into the role of union representative. You are in contact at least once a month for a year, eighteen months if needed. The branch chair is the advisor if problems arise. Confidentiality and good ethics go without saying.',
  },
  settings: {
    intake: { mode: 'appointed', approvalReminderDays: 5 },
    developmentAreas: defaultDevelopmentAreas,
    applicationQuestions: [
      {
        key: 'member-type',
        forRoles: ['adept'],
        type: 'choice',
        label: {
          sv: 'Är du ordinarie ledamot eller ersättare?',
          en: 'Are you an ordinary member or a deputy?',
        },
        options: [
          { key: 'ordinary', label: { sv: 'Ordinarie ledamot', en: 'Ordinary member' } },
          { key: 'deputy', label: { sv: 'Ersättare', en: 'Deputy' } },
        ],
        scaleMax: null,
        required: true,
        private: false,
      },
      {
        key: 'board-years',
        forRoles: ['mentor'],
        type: 'text',
        label: {
          sv: 'Hur länge har du haft uppdrag i avdelningsstyrelsen?',
          en: 'How long have you served on the branch board?',
        },
        options: [],
        scaleMax: null,
        required: true,
        private: false,
      },
    ],
    privacy: defaultPrivacy,
    eligibility: {
      adept: {
        minMonthsManagingStaff: null,
        experienceMustBeDocumented: false,
        minCapacity: null,
        requiresMentorTraining: false,
        otherCriteria:
          'Nyvald ordinarie ledamot eller ersättare i avdelningsstyrelsen, utsedd till adept av styrelsen. Adepten tar ansvar för sin egen utveckling och är beredd att ta emot feedback och handledning.',
      },
      mentor: {
        minMonthsManagingStaff: null,
        experienceMustBeDocumented: false,
        minCapacity: 1,
        requiresMentorTraining: false,
        otherCriteria:
          'Styrelseledamot som haft sitt uppdrag något eller några år, med relevant erfarenhet och engagemang för adeptens frågor. Mentorn är lyhörd, kan ge feedback, tala om även besvärliga saker och finns tillgänglig via e-post eller telefon så gott som dagligen.',
      },
      allowExceptions: true,
    },
    approvalSteps: [
      {
        key: 'board_appointment',
        approver: 'board',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'avdelningsstyrelsen', en: 'the branch board' },
        description: {
          sv: 'Styrelsen beslutar att utse mentor och adept.',
          en: 'The board decides to appoint the mentor and the adept.',
        },
      },
    ],
    mentorTraining: { steps: [], yearlyExperienceExchange: false },
    matching: {
      weights: defaultMatchingWeights,
      firstContact: 'mentor',
      crossOrganisation: 'allowed',
      excludeDependency: true,
      mentorLevelAtLeastAdept: false,
      advisorRole:
        'Avdelningsordföranden som inte har någon egen adept är rådgivare/handledare för både mentor och adept.',
    },
    duration: { months: 12, extensionMonths: 6, maxExtensions: 1 },
    cadence: {
      meetingEveryWeeksMin: 1,
      meetingEveryWeeksMax: 4,
      meetingHoursMin: 0.5,
      meetingHoursMax: 2,
      expectedMeetings: 12,
      usualPlace:
        'Oftast via telefon eller e-post. Fysiska möten sker i anslutning till avdelningens styrelsesammanträden (för ersättare: de möten du kallats till).',
    },
    processPlan: [
      {
        key: 'mentor_contact',
        title: {
          sv: 'Mentorn tar kontakt med adepten (inom 1 vecka efter konstituering)',
          en: 'The mentor contacts the adept (within 1 week of the board constituting itself)',
        },
        offsetDays: 7,
        roles: ['mentor'],
        onlyFor: '',
      },
      {
        key: 'first_conversation',
        title: {
          sv: 'Första samtalet (vanligtvis per telefon) där ni går igenom frågorna i samarbetskontraktet',
          en: 'First conversation (usually by phone), going through the questions of the collaboration contract',
        },
        offsetDays: 21,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'first_meeting_held',
      },
      {
        key: 'member_meeting',
        title: {
          sv: 'Medlemsmöte på någon av adeptens kontaktmyndigheter som adepten håller i med stöd av mentorn',
          en: "Member meeting at one of the adept's contact authorities, led by the adept with the mentor's support",
        },
        offsetDays: 42,
        roles: ['adept', 'mentor'],
        onlyFor: 'ordinarie ledamöter',
        // The adept's answer on the application form: "Är du ordinarie ledamot eller ersättare?"
        onlyForAnswer: { question: 'member-type', option: 'ordinary' },
      },
      {
        key: 'development_plan',
        title: {
          sv: 'Utvecklingsplan (med grundläggande förtroendemannautbildning i tre steg) och arbetsplan klara, samtal med adeptens chef genomfört',
          en: "Development plan (including the three-step basic union representative training) and work plan done, conversation with the adept's manager held",
        },
        offsetDays: 56,
        roles: ['adept', 'mentor', 'manager'],
        onlyFor: '',
      },
      {
        key: 'monthly_contact',
        title: {
          sv: 'Kontakt minst en gång i månaden i ett års tid (vid behov 1½ år)',
          en: 'Contact at least once a month for a year (18 months if needed)',
        },
        offsetDays: 365,
        roles: ['adept', 'mentor'],
        onlyFor: '',
      },
      {
        key: 'end',
        title: {
          sv: 'Mentorskapet avslutas (efter 1–1½ år)',
          en: 'The mentorship ends (after 12–18 months)',
        },
        offsetDays: 365,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'pair_closed',
      },
      {
        key: 'evaluation',
        title: {
          sv: 'Mentor och adept gör var sin utvärdering som överlämnas till styrelsen',
          en: 'The mentor and the adept each write a separate evaluation, handed to the board',
        },
        offsetDays: 365,
        roles: ['adept', 'mentor'],
        onlyFor: '',
      },
    ],
    events: [],
    fee: { basis: 'none', amountOre: 0, note: '' },
    documents: {
      contract: true,
      confidentialityAgreement: true,
      ethicsGuidelines: true,
      mentorBook: false,
      leaderProfile: false,
      recommendedReading: [],
      retentionMonthsAfterClosing: 12,
      contractQuestions: defaultContractQuestions,
      contractRules: [],
      confidentialityText: defaultConfidentialityText,
    },
  },
};

/** Seeds 002 and 004: Mentorprogram för chefer, fem samverkande kommuner. */
const municipalIndividual: ProgrammeTemplate = {
  key: 'municipal_individual',
  name: {
    sv: 'Mentorprogram för chefer (fem kommuner)',
    en: 'Mentor programme for managers (five municipalities)',
  },
  description: {
    sv: 'Ett individuellt mentorprogram för chefer i de samverkande kommunerna. Du söker när du vill under året och matchas utifrån din behovsprofil med en mentor, helst från en annan kommun. Programmet omfattar 12 månader och ca 7 möten om ca 1,5 timme, oftast på mentorns arbetsplats. Adepten sätter SMART-mål och ni arbetar i mentorboken.',
    en: 'An individual mentor programme for managers in the participating municipalities. You can apply at any time of year and are matched from your needs profile with a mentor, preferably from another municipality. The programme runs for 12 months with about 7 meetings of about 1.5 hours, usually at the mentor’s workplace. The adept sets SMART goals and you work in the mentor book.',
  },
  settings: {
    intake: { mode: 'continuous', approvalReminderDays: 5 },
    developmentAreas: defaultDevelopmentAreas,
    applicationQuestions: [
      {
        key: 'confidence',
        forRoles: ['adept'],
        type: 'scale',
        label: {
          sv: 'Hur trygg känner du dig i chefsrollen i dag?',
          en: 'How confident do you feel in the manager role today?',
        },
        options: [],
        scaleMax: 5,
        required: true,
        private: true,
      },
      {
        key: 'why-mentor',
        forRoles: ['mentor'],
        type: 'text',
        label: { sv: 'Varför vill du bli mentor?', en: 'Why do you want to be a mentor?' },
        options: [],
        scaleMax: null,
        required: true,
        private: false,
      },
    ],
    privacy: defaultPrivacy,
    eligibility: {
      adept: {
        minMonthsManagingStaff: null,
        experienceMustBeDocumented: false,
        minCapacity: null,
        requiresMentorTraining: false,
        otherCriteria:
          'Du är chef eller ledare i någon av de samverkande kommunerna och behöver någon att fritt bolla frågor med som utvecklar dig i ditt uppdrag. Ansökan godkänns av kommunens ansvarige chef och personalchef.',
      },
      mentor: {
        minMonthsManagingStaff: null,
        experienceMustBeDocumented: false,
        minCapacity: 1,
        requiresMentorTraining: false,
        otherCriteria:
          'Erfaren chef i någon av de samverkande kommunerna som möter adepten med ett coachande förhållningssätt: en god lyssnare, tankeprovokatör och påhejare som ger råd när adepten ber om det.',
      },
      allowExceptions: true,
    },
    approvalSteps: [
      {
        key: 'responsible_manager',
        approver: 'manager',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'kommunens ansvariga chef', en: "the municipality's responsible manager" },
        description: null,
      },
      {
        key: 'hr_manager',
        approver: 'hr',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'personalchefen', en: 'the HR manager' },
        description: null,
      },
    ],
    mentorTraining: { steps: [], yearlyExperienceExchange: false },
    matching: {
      weights: defaultMatchingWeights,
      firstContact: 'adept',
      crossOrganisation: 'preferred',
      excludeDependency: true,
      mentorLevelAtLeastAdept: false,
      advisorRole:
        'Programansvarig – hör av er så snart som möjligt om ni inte fungerar ihop, så försöker hon ordna ett byte av mentor i dialog med kommunerna.',
    },
    duration: { months: 12, extensionMonths: null, maxExtensions: 0 },
    cadence: {
      meetingEveryWeeksMin: 4,
      meetingEveryWeeksMax: 8,
      meetingHoursMin: 1.5,
      meetingHoursMax: 1.5,
      expectedMeetings: 7,
      usualPlace:
        'Som regel på mentorns arbetsplats – räkna därför även in restid. Möten på distans fungerar också.',
    },
    processPlan: [
      {
        key: 'programme_start',
        title: {
          sv: 'Första mötet hållet och båda har accepterat att genomföra programmet tillsammans – programmet börjar',
          en: 'First meeting held and both have agreed to go through the programme together – the programme starts',
        },
        // Within four weeks of the introduction.
        offsetDays: 28,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'first_meeting_held',
      },
      {
        key: 'confidentiality_signed',
        title: {
          sv: 'Sekretessavtalet undertecknat av både mentor och adept',
          en: 'Confidentiality agreement signed by both mentor and adept',
        },
        // At the start, with the first meeting.
        offsetDays: 28,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'confidentiality_signed',
      },
      {
        key: 'smart_goals',
        title: {
          sv: 'Adepten har satt SMART-mål och en handlingsplan i mentorboken och diskuterat dem med mentorn',
          en: 'The adept has set SMART goals and an action plan in the mentor book and discussed them with the mentor',
        },
        offsetDays: 56,
        roles: ['adept'],
        onlyFor: '',
      },
      {
        key: 'third_meeting_check_in',
        title: {
          sv: 'Avstämning vid tredje mötet: hur går det, och finns det något som kan bli bättre?',
          en: 'Check-in at the third meeting: how is it going, and is there anything that could be better?',
        },
        // About 15 weeks in at the programme's pace; the check-in itself is due at the third meeting.
        offsetDays: 105,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        anchor: { kind: 'meeting', number: 3 },
        completesOn: 'checkin_answered',
      },
      {
        key: 'closing_reflection',
        title: {
          sv: 'Avslut: ni utvärderar året tillsammans med reflektionsfrågor',
          en: 'Closing: you evaluate the year together using reflection questions',
        },
        offsetDays: 365,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        // The closing conversation is where the year is evaluated; recording it closes the pair.
        completesOn: 'pair_closed',
      },
    ],
    events: [
      {
        key: 'mentor_day',
        kind: 'experience_exchange',
        title: {
          sv: 'Mentordag: mentorer och adepter reflekterar tillsammans kring mentorskap',
          en: 'Mentor day: mentors and adepts reflect together on mentoring',
        },
        offsetDays: null,
        durationHours: 4,
        forRoles: ['adept', 'mentor'],
      },
    ],
    fee: {
      basis: 'per_adept_per_year',
      amountOre: 980_000,
      note: '9 800 kr exkl. moms per adept och år, faktureras adeptens kommun. Ledarprofilen som stöd för matchningen ingår i avgiften.',
    },
    documents: {
      // The reading of seed 004: both accept, and both sign a contract and the confidentiality agreement.
      contract: true,
      confidentialityAgreement: true,
      ethicsGuidelines: false,
      mentorBook: true,
      leaderProfile: true,
      recommendedReading: [],
      retentionMonthsAfterClosing: 12,
      contractQuestions: defaultContractQuestions,
      contractRules: [],
      confidentialityText: defaultConfidentialityText,
    },
  },
};

/** Seed 003: Mentorsprogram, Myndighetsnätverket Västernorrland. */
const agencyCohort: ProgrammeTemplate = {
  key: 'agency_cohort',
  name: {
    sv: 'Mentorsprogram Myndighetsnätverket Västernorrland',
    en: 'Mentoring programme, Myndighetsnätverket Västernorrland (agency network)',
  },
  description: {
    sv: 'Nyare chefer (adepter) får stöd av erfarna chefer (mentorer) från en annan organisation i nätverket. Först inventeras vilka organisationer som vill medverka, sedan anmäler mentorer och adepter intresse. HR-nätverket och koordinatorn matchar. Programmet startar med en gemensam kick-off i september, paren möts en gång i månaden i 8 månader och vi samlas till halvtids- och slutseminarium.',
    en: 'Newer managers (adepts) get support from experienced managers (mentors) from another organisation in the network. First we take stock of which organisations will take part, then mentors and adepts register their interest. The HR network and the coordinator make the matches. The programme opens with a joint kick-off in September, pairs meet monthly for 8 months, and everyone meets at a half-time and a final seminar.',
  },
  settings: {
    intake: { mode: 'cohort', approvalReminderDays: 5 },
    developmentAreas: defaultDevelopmentAreas,
    applicationQuestions: [
      {
        key: 'share',
        forRoles: ['mentor'],
        type: 'text',
        label: {
          sv: 'Vad vill du dela med dig av som mentor?',
          en: 'What would you like to share as a mentor?',
        },
        options: [],
        scaleMax: null,
        required: true,
        private: false,
      },
      {
        key: 'hopes',
        forRoles: ['adept'],
        type: 'text',
        label: {
          sv: 'Vad hoppas du få ut av programmet?',
          en: 'What do you hope to gain from the programme?',
        },
        options: [],
        scaleMax: null,
        required: true,
        private: false,
      },
    ],
    privacy: defaultPrivacy,
    eligibility: {
      adept: {
        minMonthsManagingStaff: 6,
        experienceMustBeDocumented: false,
        minCapacity: null,
        requiresMentorTraining: false,
        otherCriteria:
          'Du är chef med medarbetaransvar vid någon av myndigheterna eller organisationerna i nätverket och behöver ett bollplank i din chefsroll.',
      },
      mentor: {
        minMonthsManagingStaff: 36,
        experienceMustBeDocumented: false,
        minCapacity: 1,
        requiresMentorTraining: false,
        otherCriteria:
          'Du är en erfaren chef med medarbetaransvar som vill dela med dig av dina tankar och erfarenheter och vara en opartisk samtalspartner för en chef från en annan organisation.',
      },
      allowExceptions: false,
    },
    approvalSteps: [
      {
        key: 'organisation_hr',
        approver: 'hr',
        appliesTo: ['adept', 'mentor'],
        approverName: { sv: 'organisationens HR-kontakt', en: "the organisation's HR contact" },
        description: {
          sv: 'HR-kontakten i HR-nätverket bekräftar intresseanmälan.',
          en: 'The HR contact in the HR network confirms the registration of interest.',
        },
      },
    ],
    mentorTraining: { steps: [], yearlyExperienceExchange: false },
    matching: {
      weights: defaultMatchingWeights,
      firstContact: 'adept',
      crossOrganisation: 'required',
      excludeDependency: true,
      mentorLevelAtLeastAdept: false,
      advisorRole: 'Nätverkets koordinator och HR-nätverket, som matchar paren och följer programmet.',
    },
    duration: { months: 8, extensionMonths: null, maxExtensions: 0 },
    cadence: {
      meetingEveryWeeksMin: 4,
      meetingEveryWeeksMax: 4,
      meetingHoursMin: 1.5,
      meetingHoursMax: 2,
      expectedMeetings: 8,
      usualPlace: 'Enligt överenskommelse mellan mentor och adept, med en enkel mötesstruktur.',
    },
    processPlan: [
      {
        key: 'first_meeting',
        title: {
          sv: 'Första enskilda mötet efter kick-off',
          en: 'First one-to-one meeting after the kick-off',
        },
        offsetDays: 30,
        roles: ['adept', 'mentor'],
        onlyFor: '',
        completesOn: 'first_meeting_held',
      },
      {
        key: 'meetings_end',
        title: {
          sv: 'De enskilda mötena avslutas efter 8 månader',
          en: 'The one-to-one meetings end after 8 months',
        },
        offsetDays: 240,
        roles: ['adept', 'mentor'],
        onlyFor: '',
      },
    ],
    events: [
      {
        key: 'kickoff',
        kind: 'kickoff',
        title: {
          sv: 'Kick-off med gemensam start (september)',
          en: 'Kick-off and joint start (September)',
        },
        offsetDays: 0,
        durationHours: null,
        forRoles: ['adept', 'mentor'],
      },
      {
        key: 'halftime',
        kind: 'halftime',
        title: {
          sv: 'Halvtidsseminarium: utvärdering och erfarenheter från den första terminen',
          en: 'Half-time seminar: evaluation and experiences from the first term',
        },
        offsetDays: 120,
        durationHours: null,
        forRoles: ['adept', 'mentor'],
      },
      {
        key: 'final',
        kind: 'final',
        title: {
          sv: 'Slutseminarium med gemensam utvärdering (maj)',
          en: 'Final seminar with a joint evaluation (May)',
        },
        offsetDays: 240,
        durationHours: null,
        forRoles: ['adept', 'mentor'],
      },
    ],
    fee: {
      basis: 'none',
      amountOre: 0,
      note: 'Mentorskapet ingår i den enskildes kompetensutveckling. Eventuella kostnader, t.ex. vid start- eller avslutsmötet, bekostas av respektive myndighet eller kommun.',
    },
    documents: {
      contract: false,
      confidentialityAgreement: false,
      ethicsGuidelines: false,
      mentorBook: false,
      leaderProfile: false,
      recommendedReading: ['Charlotta Wikström: Vinnande mentorskap'],
      retentionMonthsAfterClosing: 12,
      contractQuestions: defaultContractQuestions,
      contractRules: [],
      confidentialityText: defaultConfidentialityText,
    },
  },
};

export const programmeTemplates: readonly ProgrammeTemplate[] = [
  policePool,
  unionBranch,
  municipalIndividual,
  agencyCohort,
];

/**
 * The built-in template with this key. Returns a deep copy, so that a programme created from it can
 * be edited without touching the shared template.
 */
export function findProgrammeTemplate(key: ProgrammeTemplateKey): ProgrammeTemplate {
  const template = programmeTemplates.find((t) => t.key === key);
  if (!template) {
    throw new Error(`Unknown programme template "${key}"`);
  }
  return structuredClone(template);
}
