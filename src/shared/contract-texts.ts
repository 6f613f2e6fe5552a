/**
 * The agreements' default texts, in both interface languages: the collaboration contract's questions
 * (seed 001, "Samarbetskontrakt"), the police contract's fixed rules (seed 000) and a confidentiality
 * agreement (seed 004: "Sekretessavtal skrivs på av både mentor och adept"). A programme keeps its own
 * copies in its settings' documents section; these fill in programmes stored before they existed.
 * No imports: the programme schema takes its defaults from here.
 */

export const defaultContractQuestions = [
  {
    key: 'needs_goals',
    label: {
      sv: 'Vilka är adeptens utvecklingsbehov och mål?',
      en: "What are the adept's development needs and goals?",
    },
  },
  {
    key: 'expectations',
    label: {
      sv: 'Vilka är era ömsesidiga förväntningar på relationen?',
      en: 'What do you expect of each other in this relationship?',
    },
  },
  {
    key: 'frequency',
    label: {
      sv: 'När och hur ofta ska ni höras, och hur långa ska träffarna vara?',
      en: 'When and how often will you talk, and how long will you meet?',
    },
  },
  {
    key: 'contact',
    label: {
      sv: 'Hur får ni enklast kontakt med varandra?',
      en: 'How do you best reach each other?',
    },
  },
  {
    key: 'rebooking',
    label: {
      sv: 'Vem ser till att ni får en ny tid om ett möte har behövt avbokas?',
      en: 'Who makes sure you get a new time when a meeting has been cancelled?',
    },
  },
  {
    key: 'topics',
    label: {
      sv: 'Vilka frågor vill adepten särskilt ta upp, och vilka vill ni börja med?',
      en: 'Which questions does the adept especially want to raise, and which do you start with?',
    },
  },
  {
    key: 'activities',
    label: {
      sv: 'Vill ni göra något tillsammans utöver samtalen, till exempel att adepten följer med till en förhandling?',
      en: 'Do you want to do anything together besides talking, for example the adept joining a negotiation?',
    },
  },
  {
    key: 'ways_of_working',
    label: {
      sv: 'Hur vill ni arbeta? Ska träffarna vara förberedda och strukturerade eller mer spontana?',
      en: 'How will you work? Should your meetings be prepared and structured, or more spontaneous?',
    },
  },
  {
    key: 'ethics',
    label: {
      sv: 'Etik och förhållningssätt: vilka överenskommelser gör ni, och vad ska känneteckna er relation?',
      en: 'Ethics and approach: what do you agree on, and what should mark your relationship?',
    },
  },
];

/** Seed 000: what the police mentorship rests on, shipped as fixed text of the police contract. */
export const policeContractRules = [
  {
    sv: 'Mentorskapet är frivilligt för både mentor och adept.',
    en: 'The mentorship is voluntary for both mentor and adept.',
  },
  {
    sv: 'Mentorn har tillit till och respekt för adeptens förmåga att lösa sina problem och fatta egna beslut.',
    en: "The mentor trusts and respects the adept's ability to solve their problems and make their own decisions.",
  },
  {
    sv: 'Mentorn har en icke dömande attityd.',
    en: 'The mentor does not judge.',
  },
  {
    sv: 'Det som tas upp stannar mellan mentor och adept.',
    en: 'What is said stays between mentor and adept.',
  },
  {
    sv: 'Mentorskapet är känt och bekräftat av adeptens chef.',
    en: "The adept's manager knows of and has confirmed the mentorship.",
  },
  {
    sv: 'Mentorn tar ansvar för att mentorskapet avslutas medvetet och tydligt när det inte längre tjänar sitt syfte.',
    en: 'The mentor makes sure the mentorship is ended consciously and clearly when it no longer serves its purpose.',
  },
  {
    sv: 'Adepten använder inte sin mentor som referens.',
    en: 'The adept does not use the mentor as a reference.',
  },
];

/** Seed 004: signed by both to keep what is said confidential. */
export const defaultConfidentialityText = {
  sv: 'Vi, mentor och adept, lovar varandra att det som sägs i våra samtal stannar mellan oss. Vi berättar inte för någon annan – inte för chefer, kollegor eller programansvariga – vad den andra har sagt, utan att hen först har sagt ja till det. Det gäller också det vi skriver i mentorboken.\n\nLöftet gäller under mentorskapet och efter att det har avslutats.\n\nUndantag: om någon riskerar att skadas, eller om en lag kräver att en uppgift lämnas ut. Då säger vi det till varandra först, om det går.',
  en: 'We, mentor and adept, promise each other that what is said in our conversations stays between us. We do not tell anyone else – not managers, colleagues or those who run the programme – what the other has said, unless they have first agreed to it. This also applies to what we write in the mentor book.\n\nThe promise holds during the mentorship and after it has ended.\n\nExceptions: if someone risks being harmed, or if a law requires information to be given out. Then we tell each other first, if we can.',
};
