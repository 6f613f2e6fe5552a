import { DateTime } from 'luxon';
import { todayInSweden } from '../../shared/calendar.ts';
import type { BookItemInput } from '../../shared/mentor-book.ts';
import type { Actor } from '../authz/actor.ts';
import { ManualClock } from '../clock.ts';
import type { Deps } from '../deps.ts';
import { bulkDecide } from '../modules/applications/applications.service.ts';
import { insertPair } from '../modules/matching/matching.repository.ts';
import { createItem } from '../modules/pairs/book.service.ts';
import { answerCheckin } from '../modules/pairs/checkin.service.ts';
import { runPairYearJobs } from '../modules/pairs/jobs.ts';
import { accept, recordClosing } from '../modules/pairs/lifecycle.service.ts';
import {
  getConfidentiality,
  getContract,
  saveContract,
  sign,
} from '../modules/pairs/lifecycle-agreements.service.ts';
import { requestChangeOfMentor } from '../modules/pairs/lifecycle-requests.service.ts';
import { bookMeeting, markHeldByParty } from '../modules/pairs/meetings.service.ts';
import { getPlan, markMilestone } from '../modules/pairs/plan.service.ts';
import { newId } from '../util.ts';
import { actorFor, apply, approveNext, basics, demoDomain, mentor, needs } from './activity.ts';

/**
 * Pairs of the five municipalities' programme at several points of their year, made through the same
 * services the pair uses, on a clock set back to each day of their history: one just introduced, one
 * signing after the first meeting, one at the check-in after the third meeting, one that has lost its
 * rhythm and told the coordinator so, one ending, one closed. Their history is not mailed: the mails
 * the services queue for past days are removed from the outbox again.
 */

interface DemoPerson {
  org: number;
  role: 'adept' | 'mentor';
  name: string;
  local: string;
  title: string;
  since: string;
  sector: string;
  areas: string[];
  about: string;
}

/** The municipalities' managers who approve (Upplands Väsby has none in the demo). */
const managerOf: Record<number, { local: string; name: string }> = {
  0: { local: 'chef.enkoping', name: 'Elin Chef' },
  1: { local: 'chef.habo', name: 'Per Chef' },
  2: { local: 'chef.knivsta', name: 'Maria Chef' },
  4: { local: 'chef.osthammar', name: 'Olof Chef' },
};
const hrOf = ['hr.enkoping', 'hr.habo', 'hr.knivsta', 'hr.vasby', 'hr.osthammar'];

export const pairYearPeople: DemoPerson[] = [
  {
    org: 1,
    role: 'adept',
    name: 'Ebba Lind',
    local: 'adept.ebba',
    title: 'Enhetschef hemtjänst',
    since: '2025-09-01',
    sector: 'Äldreomsorg',
    areas: ['role', 'work-environment'],
    about: 'Ny som chef: hitta min roll och få arbetsmiljön att fungera.',
  },
  {
    org: 0,
    role: 'mentor',
    name: 'Sven Berg',
    local: 'mentor.sven',
    title: 'Förvaltningschef',
    since: '2005-03-01',
    sector: 'Vård och omsorg',
    areas: ['role', 'leading-leaders', 'work-environment'],
    about: 'Förvaltningschef som minns hur det var att vara ny.',
  },
  {
    org: 2,
    role: 'adept',
    name: 'Moa Ek',
    local: 'adept.moa',
    title: 'Rektor',
    since: '2024-08-01',
    sector: 'Skola',
    areas: ['conflict', 'communication'],
    about: 'Leda ett kollegium genom en svår förändring.',
  },
  {
    org: 4,
    role: 'mentor',
    name: 'Per Dahl',
    local: 'mentor.per',
    title: 'Skoldirektör',
    since: '2008-01-01',
    sector: 'Skola',
    areas: ['conflict', 'change', 'communication'],
    about: 'Skoldirektör med lång erfarenhet av att leda rektorer.',
  },
  {
    org: 0,
    role: 'adept',
    name: 'Omar Haddad',
    local: 'adept.omar',
    title: 'Enhetschef LSS',
    since: '2024-01-15',
    sector: 'Funktionsstöd',
    areas: ['stress', 'leading-leaders'],
    about: 'Prioritera och leda genom andra i stället för att göra allt själv.',
  },
  {
    org: 4,
    role: 'mentor',
    name: 'Lena Sjö',
    local: 'mentor.lena',
    title: 'Skolchef',
    since: '2009-08-01',
    sector: 'Skola',
    areas: ['leading-leaders', 'change', 'communication'],
    about: 'Skolchef som har lett chefer i femton år.',
  },
  {
    org: 0,
    role: 'adept',
    name: 'Ylva Strand',
    local: 'adept.ylva',
    title: 'Avdelningschef IFO',
    since: '2023-05-01',
    sector: 'Socialtjänst',
    areas: ['budget', 'change'],
    about: 'Få ordning på ekonomin utan att tappa medarbetarna.',
  },
  {
    org: 2,
    role: 'mentor',
    name: 'Bengt Nyström',
    local: 'mentor.bengt',
    title: 'Ekonomichef',
    since: '2006-09-01',
    sector: 'Ekonomi',
    areas: ['budget', 'change'],
    about: 'Ekonomichef som gärna pratar styrning med chefer i verksamheten.',
  },
  {
    org: 4,
    role: 'adept',
    name: 'Anders Åkesson',
    local: 'adept.anders',
    title: 'Gatuchef',
    since: '2023-02-01',
    sector: 'Samhällsbyggnad',
    areas: ['recruitment', 'communication'],
    about: 'Rekrytera och behålla ingenjörer.',
  },
  {
    org: 1,
    role: 'mentor',
    name: 'Gunilla Roos',
    local: 'mentor.gunilla',
    title: 'Samhällsbyggnadschef',
    since: '2004-06-01',
    sector: 'Samhällsbyggnad',
    areas: ['recruitment', 'communication', 'change'],
    about: 'Har byggt upp en samhällsbyggnadsförvaltning från grunden.',
  },
  {
    org: 1,
    role: 'adept',
    name: 'Therese Falk',
    local: 'adept.therese',
    title: 'Kostchef',
    since: '2022-10-01',
    sector: 'Måltid',
    areas: ['work-environment', 'stress'],
    about: 'Hålla ihop ett kök med hög sjukfrånvaro.',
  },
];

/** The demo's accounts of this part, for the list printed at start. */
export const pairYearAccounts = pairYearPeople.map((p) => ({
  org: p.org,
  role: p.role,
  name: p.name,
  email: `${p.local}${demoDomain}`,
  title: p.title,
}));

/** One pair's history: a clock that starts on its first day and services called as the days pass. */
class Timeline {
  readonly clock: ManualClock;
  readonly deps: Deps;
  constructor(
    base: Deps,
    readonly start: DateTime,
  ) {
    this.clock = new ManualClock(start.toJSDate());
    this.deps = { ...base, clock: this.clock };
  }
  /** Moves to a day of the pair's year (0: the day it was introduced) at a time of day in Sweden. */
  at(day: number, time = '08:00'): this {
    const [hour, minute] = time.split(':').map(Number);
    this.clock.set(this.start.plus({ days: day }).set({ hour, minute }).toJSDate());
    return this;
  }
  date(day: number): string {
    return this.start.plus({ days: day }).toISODate()!;
  }
}

/**
 * Applies through intake and is admitted on the timeline of the person's first pair, in office hours:
 * applies six weeks before the pair is introduced, the manager approves four days later and HR four
 * days after that, and the administrator admits the application four weeks before the introduction.
 */
async function admit(t: Timeline, person: DemoPerson): Promise<void> {
  const manager = managerOf[person.org]!;
  t.at(-42, '11:00');
  const applied = await apply(t.deps, person.local, 'municipal_individual', {
    role: person.role,
    basics: basics(
      person.title,
      person.since,
      person.role === 'mentor' ? 'indirect' : 'direct',
      person.sector,
    ),
    ...(person.role === 'adept'
      ? { needs: needs(person.areas, person.about) }
      : { mentor: mentor(person.areas, person.about) }),
    manager: { name: manager.name, email: `${manager.local}${demoDomain}` },
  });
  t.at(-38, '12:20');
  await approveNext(t.deps, applied.application.id, manager.local);
  t.at(-34, '13:40');
  await approveNext(t.deps, applied.application.id, hrOf[person.org]!);
  t.at(-28, '12:40');
  await bulkDecide(t.deps, await actorFor(t.deps, 'admin'), applied.programmeId, {
    ids: [applied.application.id],
    action: 'approve',
  });
}

/** The pairs below: adept, mentor, and the day each was introduced, in days before today. */
const introductions = [
  { adept: 'adept.ebba', mentor: 'mentor.sven', daysAgo: 2 },
  { adept: 'adept.moa', mentor: 'mentor.per', daysAgo: 20 },
  { adept: 'adept.omar', mentor: 'mentor.lena', daysAgo: 75 },
  { adept: 'adept.ylva', mentor: 'mentor.bengt', daysAgo: 210 },
  { adept: 'adept.anders', mentor: 'mentor.gunilla', daysAgo: 350 },
  { adept: 'adept.therese', mentor: 'mentor.sven', daysAgo: 430 },
];

interface Cast {
  adept: Actor;
  mentor: Actor;
}

/** As the matching board publishes a pair (its repository, the programme's settings copied), on the day of `t`. */
async function publish(deps: Deps, programme: DemoProgramme, cast: Cast, t: Timeline, admin: Actor) {
  const id = newId();
  const at = t.clock.now().toISOString();
  await insertPair(deps.db, {
    id,
    programme_id: programme.id,
    round_id: null,
    adept_id: cast.adept.personId,
    mentor_id: cast.mentor.personId,
    status: 'introduced',
    run_id: null,
    score: null,
    max_score: null,
    published_by: admin.personId,
    published_at: at,
    updated_at: at,
    plan_starts_on: t.date(0),
    settings: programme.settings,
  });
  return id;
}

interface DemoProgramme {
  id: string;
  settings: string;
}

/** A meeting booked a week ahead, held on its day (and, with `log`, written up in the mentor book). */
async function meet(t: Timeline, pairId: string, cast: Cast, day: number, log?: [string, string, string]) {
  t.at(day - 7);
  const meeting = await bookMeeting(t.deps, cast.mentor, pairId, {
    date: t.date(day),
    time: '14:00',
    durationMinutes: 90,
    mode: 'in_person',
    location: 'Mentorns arbetsplats, lilla mötesrummet',
  });
  t.at(day, '16:00');
  if (log) {
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'meeting_log',
      visibility: 'shared',
      meetingId: meeting.id,
      content: { heldOn: t.date(day), sinceLastTime: log[0], dialogue: log[1], beforeNextTime: log[2] },
    });
  } else {
    await markHeldByParty(t.deps, cast.mentor, meeting.id);
  }
  return meeting;
}

/** Both accept, answer the contract together and sign it and the confidentiality agreement. */
async function agree(t: Timeline, pairId: string, cast: Cast, day: number, signers: ('adept' | 'mentor')[]) {
  t.at(day, '16:30');
  await accept(t.deps, cast.adept, pairId);
  await accept(t.deps, cast.mentor, pairId);
  const contract = await getContract(t.deps, cast.adept, pairId);
  const answers: Record<string, string> = {};
  for (const question of contract.questions)
    answers[question.key] =
      contractAnswers[question.key] ?? 'Vi bestämmer det här tillsammans vid nästa möte.';
  const saved = await saveContract(t.deps, cast.adept, pairId, answers);
  const confidentiality = await getConfidentiality(t.deps, cast.adept, pairId);
  for (const role of ['adept', 'mentor'] as const) {
    const who = cast[role];
    await sign(t.deps, who, pairId, 'confidentiality', {
      name: who.name,
      textVersion: confidentiality.textVersion,
    });
    if (signers.includes(role))
      await sign(t.deps, who, pairId, 'contract', { name: who.name, textVersion: saved.textVersion });
  }
}

const contractAnswers: Record<string, string> = {
  needs: 'Att prioritera och att leda genom andra.',
  expectations: 'Vi kommer förberedda, håller tiden och säger till om något inte fungerar.',
  frequency: 'En gång i månaden, en och en halv timme.',
  contact: 'E-post för att boka, telefon om något är bråttom.',
  rebooking: 'Den som ställer in bokar om inom en vecka.',
  topics: 'Prioriteringar, delegering och min roll i ledningsgruppen.',
};

/** Ticks off the milestones whose deadline has passed, except those named, as whoever may tick each. */
async function keepUp(t: Timeline, pairId: string, cast: Cast, except: string[] = []) {
  const today = todayInSweden(t.clock.now());
  for (const who of [cast.adept, cast.mentor]) {
    const plan = await getPlan(t.deps, who, pairId);
    for (const milestone of plan.milestones) {
      if (milestone.status === 'done' || !milestone.canMark || except.includes(milestone.key)) continue;
      if (milestone.dueDate && milestone.dueDate <= today)
        await markMilestone(t.deps, who, pairId, milestone.key);
    }
  }
}

/** Both answer the check-in after the third meeting, without a comment. */
async function checkIn(t: Timeline, pairId: string, cast: Cast, [adept, mentor]: [number, number]) {
  for (const [who, rating] of [
    [cast.adept, adept],
    [cast.mentor, mentor],
  ] as const) {
    await answerCheckin(t.deps, who, pairId, { rating, comment: '', commentForCoordinator: false });
  }
}

const goal = (title: string, specific: string, measurable: string, byDay: string): BookItemInput => ({
  kind: 'goal',
  visibility: 'shared',
  content: {
    title,
    specific,
    measurable,
    achievable: 'Jag har stöd av min chef och tid avsatt varje vecka.',
    relevant: 'Det frigör tid för att leda verksamheten i stället för att släcka bränder.',
    timeBound: byDay,
  },
});

export async function seedDemoPairs(base: Deps): Promise<void> {
  // Their intake and their year lie in the past: none of the mails they caused is news (nor a live link).
  const outboxBefore = new Set(
    (await base.db.selectFrom('outbox').select('id').execute()).map((row) => row.id),
  );
  const today = DateTime.fromJSDate(base.clock.now(), { zone: 'Europe/Stockholm' }).startOf('day');
  const timeline = (daysAgo: number) => new Timeline(base, today.minus({ days: daysAgo }));
  // Everyone applied and was admitted some weeks before their first pair was introduced.
  for (const person of pairYearPeople) {
    const pairs = introductions.filter((p) => p.adept === person.local || p.mentor === person.local);
    await admit(timeline(Math.max(...pairs.map((p) => p.daysAgo))), person);
  }
  const admin = await actorFor(base, 'admin');
  const programme: DemoProgramme = await base.db
    .selectFrom('programmes')
    .select(['id', 'settings'])
    .where('template_key', '=', 'municipal_individual')
    .where('network_id', '=', admin.roles[0]!.networkId)
    .executeTakeFirstOrThrow();
  const actor = (local: string) => actorFor(base, local);
  /** Publishes the pair of this adept (see `introductions`) on the first day of its timeline. */
  const introduce = async (adept: string) => {
    const { mentor, daysAgo } = introductions.find((p) => p.adept === adept)!;
    const t = timeline(daysAgo);
    const cast = { adept: await actor(adept), mentor: await actor(mentor) };
    return { t, cast, pairId: await publish(base, programme, cast, t, admin) };
  };

  // Introduced two days ago: the adept is to get in touch.
  await introduce('adept.ebba');

  // Three weeks in: the first meeting is held, both accepted, the mentor has signed, the adept has not.
  {
    const { t, cast, pairId } = await introduce('adept.moa');
    await meet(t, pairId, cast, 12);
    await agree(t, pairId, cast, 13, ['mentor']);
    t.at(18);
    await bookMeeting(t.deps, cast.adept, pairId, {
      date: t.date(26),
      time: '09:00',
      durationMinutes: 60,
      mode: 'video',
      location: 'Teams-länk i kalenderinbjudan',
    });
  }

  // Ten weeks in: three meetings logged, a SMART goal with its steps and ratings, the check-in half answered.
  {
    const { t, cast, pairId } = await introduce('adept.omar');
    await meet(t, pairId, cast, 8, [
      'Vi har träffats för första gången.',
      'Vi pratade om mina förväntningar och om hur en vanlig vecka ser ut för mig.',
      'Jag skriver ner vad jag gör en vecka och vad jag skulle kunna lämna över.',
    ]);
    await agree(t, pairId, cast, 8, ['adept', 'mentor']);
    const delegate = await createItem(
      t.deps,
      cast.adept,
      pairId,
      goal(
        'Delegera schemaläggningen',
        'Lämna över schemaläggningen för mina tre boenden till samordnarna.',
        'Jag lägger högst en timme i veckan på scheman, mätt i min kalender.',
        t.date(180),
      ),
    );
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'action',
      visibility: 'shared',
      goalId: delegate.id,
      content: { what: 'Gå igenom schemaläggningen med samordnarna', dueOn: t.date(30), done: true },
    });
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'action',
      visibility: 'shared',
      goalId: delegate.id,
      content: { what: 'Samordnarna lägger sommarschemat själva', dueOn: t.date(100), done: false },
    });
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'progress',
      visibility: 'shared',
      goalId: delegate.id,
      content: { rating: 3, ratedOn: t.date(9), note: 'Jag gör allt själv i dag.' },
    });
    await meet(t, pairId, cast, 36, [
      'Jag har kartlagt en vecka: elva timmar gick till scheman.',
      'Vad kan jag delegera? Vi gick igenom vad samordnarna redan kan och vad de behöver lära sig.',
      'Jag går igenom schemaläggningen med samordnarna.',
    ]);
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'progress',
      visibility: 'shared',
      goalId: delegate.id,
      content: { rating: 5, ratedOn: t.date(37), note: 'Samordnarna har tagit över vardagarna.' },
    });
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'reflection',
      visibility: 'private',
      content: {
        prompt: 'Vad kan jag delegera?',
        dueOn: t.date(60),
        answer: 'Scheman, beställningar och en del av rekryteringsintervjuerna.',
      },
    });
    await meet(t, pairId, cast, 64, [
      'Samordnarna lägger vardagsschemat själva sedan tre veckor.',
      'Hur jag släpper kontrollen utan att tappa överblicken; Lena berättade om sina avstämningar.',
      'Jag inför en kvart i veckan för avstämning med samordnarna.',
    ]);
    await createItem(t.deps, cast.adept, pairId, {
      kind: 'progress',
      visibility: 'shared',
      goalId: delegate.id,
      content: { rating: 6, ratedOn: t.date(65), note: 'Tre timmar i veckan nu.' },
    });
    t.at(66);
    await answerCheckin(t.deps, cast.mentor, pairId, {
      rating: 4,
      comment: 'Omar är väl förberedd och gör det vi kommer överens om.',
      commentForCoordinator: false,
    });
    await keepUp(t, pairId, cast);
    t.at(70);
    await bookMeeting(t.deps, cast.mentor, pairId, {
      date: t.date(79),
      time: '14:00',
      durationMinutes: 90,
      mode: 'in_person',
      location: 'Mentorns arbetsplats, lilla mötesrummet',
    });
  }

  // Seven months in: no meeting for nine weeks, a low check-in the coordinator sees, an overdue milestone.
  {
    const { t, cast, pairId } = await introduce('adept.ylva');
    await meet(t, pairId, cast, 10);
    await agree(t, pairId, cast, 10, ['adept', 'mentor']);
    await createItem(
      t.deps,
      cast.adept,
      pairId,
      goal(
        'Budget i balans',
        'Avdelningens prognos ska visa balans vid årets slut.',
        'Prognosen i delårsrapporten.',
        t.date(300),
      ),
    );
    await meet(t, pairId, cast, 45);
    await meet(t, pairId, cast, 90);
    await meet(t, pairId, cast, 140);
    t.at(141);
    await answerCheckin(t.deps, cast.adept, pairId, {
      rating: 2,
      comment: 'Vi hittar sällan tid, och mötena blir korta. Jag vet inte om det är rätt matchning.',
      commentForCoordinator: true,
    });
    await answerCheckin(t.deps, cast.mentor, pairId, {
      rating: 3,
      comment: 'Svårt att hitta tider.',
      commentForCoordinator: false,
    });
    await keepUp(t, pairId, cast);
    t.at(150);
    await requestChangeOfMentor(
      t.deps,
      cast.adept,
      pairId,
      'Vi får inte till mötena och jag behöver någon med mer erfarenhet av socialtjänst.',
    );
  }

  // Eleven and a half months in: monthly meetings kept, the year is ending.
  {
    const { t, cast, pairId } = await introduce('adept.anders');
    await meet(t, pairId, cast, 9);
    await agree(t, pairId, cast, 9, ['adept', 'mentor']);
    for (const day of [40, 70, 100, 130, 165, 200, 235, 270, 300, 330]) {
      await meet(t, pairId, cast, day);
      if (day === 70) await checkIn(t, pairId, cast, [5, 4]);
    }
    await keepUp(t, pairId, cast);
  }

  // A year and two months ago, closed two months ago: the evaluations are open.
  {
    const { t, cast, pairId } = await introduce('adept.therese');
    await meet(t, pairId, cast, 7);
    await agree(t, pairId, cast, 7, ['adept', 'mentor']);
    for (const day of [35, 70, 105, 140, 175, 210, 245, 280, 315, 350]) {
      await meet(t, pairId, cast, day);
      if (day === 70) await checkIn(t, pairId, cast, [4, 4]);
    }
    await keepUp(t, pairId, cast);
    t.at(368, '15:00');
    await recordClosing(t.deps, cast.mentor, pairId);
  }

  // The past's mails go; today's reminders and flags stay, as the periodic jobs leave them.
  const queued = (await base.db.selectFrom('outbox').select('id').execute())
    .map((row) => row.id)
    .filter((id) => !outboxBefore.has(id));
  for (let i = 0; i < queued.length; i += 500)
    await base.db
      .deleteFrom('outbox')
      .where('id', 'in', queued.slice(i, i + 500))
      .execute();
  await runPairYearJobs(base);
}
