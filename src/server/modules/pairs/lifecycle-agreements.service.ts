import type { Confidentiality, Contract, PairLifecycle } from '../../../shared/pair-lifecycle.ts';
import type { Actor } from '../../authz/actor.ts';
import type { Queryable } from '../../db/connection.ts';
import type { Deps } from '../../deps.ts';
import { AppError } from '../../errors.ts';
import { newId } from '../../util.ts';
import * as repo from './lifecycle.repository.ts';
import { activateIfReady, type Ctx, lifecycleView, nowOf, presentSignatures } from './lifecycle.service.ts';
import {
  type Answers,
  confidentialityVersion,
  contractVersion,
  normaliseAnswers as normalise,
} from './lifecycle-texts.ts';
import * as pairRepo from './pair.repository.ts';
import {
  auditContent,
  openForPair,
  type PairContext,
  pairFor,
  partyRole,
  sealForPair,
} from './pair-access.ts';
import { isRunning } from './pair-status.ts';

/**
 * The collaboration contract (seed 001) and the confidentiality agreement (seed 004). The contract's
 * answers are the pair's own: sealed with the pair's data key, read and written by the two only, and
 * every read and change is audit-logged. A signature is a typed name, a time and the version of the
 * exact text signed (sha256 of the rules, the questions and the answers): an edit after a signature
 * makes a new version, which both must sign again. Who signed when is metadata (lifecycle view).
 */

const CONTENT = { table: 'pair_agreements', column: 'content' } as const;

/** The version of each agreement as it stands now (the contract's from its stored row). */
export async function currentVersion(db: Queryable, ctx: Ctx, kind: 'contract' | 'confidentiality') {
  if (kind === 'confidentiality') return confidentialityVersion(ctx.settings);
  const row = await repo.findAgreement(db, ctx.pair.id, 'contract');
  return row?.text_version ?? contractVersion(ctx.settings, {});
}

function assertUsed(ctx: PairContext, kind: 'contract' | 'confidentiality') {
  const used =
    kind === 'contract' ? ctx.settings.documents.contract : ctx.settings.documents.confidentialityAgreement;
  if (!used) throw new AppError('not_found');
}

function assertOpen(ctx: PairContext) {
  if (!isRunning(ctx.status)) throw new AppError('conflict', [{ field: 'status', message: 'pair_ended' }]);
}

async function readAnswers(
  deps: Deps,
  row: repo.AgreementRow | undefined,
  ctx: PairContext,
): Promise<Answers> {
  if (!row?.content) return {};
  const stored = await ctx.pair.data_key;
  if (!stored) return {};
  return JSON.parse(openForPair(deps, stored, { ...CONTENT, rowId: row.id }, row.content)) as Answers;
}

async function presentContract(deps: Deps, db: Queryable, ctx: PairContext): Promise<Contract> {
  const row = await repo.findAgreement(db, ctx.pair.id, 'contract');
  // The data key may have been made after the pair was loaded (the first save): read it fresh.
  ctx.pair.data_key = (await pairRepo.dataKeyRow(db, ctx.pair.id))?.data_key ?? null;
  const answers = normalise(ctx.settings, await readAnswers(deps, row, ctx));
  const version = row?.text_version ?? contractVersion(ctx.settings, answers);
  const signatures = await repo.signaturesOf(db, ctx.pair.id);
  const names = row?.updated_by
    ? row.updated_by === ctx.adept.id
      ? ctx.adept.name
      : row.updated_by === ctx.mentor.id
        ? ctx.mentor.name
        : null
    : null;
  return {
    rules: ctx.settings.documents.contractRules,
    questions: ctx.settings.documents.contractQuestions,
    answers,
    textVersion: version,
    updatedAt: row?.updated_at ?? null,
    updatedBy: names,
    signatures: presentSignatures(signatures, 'contract', version),
    canEdit: isRunning(ctx.status),
  };
}

export async function getContract(deps: Deps, actor: Actor | null, pairId: string): Promise<Contract> {
  const ctx = await pairFor(deps.db, actor, pairId, 'readContent');
  assertUsed(ctx, 'contract');
  const contract = await presentContract(deps, deps.db, ctx);
  await auditContent(deps.db, actor!, 'read', ctx, 'pair_contract', nowOf(deps));
  return contract;
}

/** Saves the pair's answers (either party); a change makes a new version that both must sign again. */
export async function saveContract(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  answers: Answers,
): Promise<Contract> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, 'writeContent');
  assertUsed(ctx, 'contract');
  assertOpen(ctx);
  const keys = new Set(ctx.settings.documents.contractQuestions.map((q) => q.key));
  const unknown = Object.keys(answers).filter((k) => !keys.has(k));
  if (unknown.length > 0)
    throw new AppError(
      'validation_failed',
      unknown.map((k) => ({ field: `answers.${k}`, message: 'unknown_question' })),
    );
  const normal = normalise(ctx.settings, answers);
  const version = contractVersion(ctx.settings, normal);
  return db.transaction().execute(async (trx) => {
    const at = nowOf(deps);
    const existing = await repo.findAgreement(trx, ctx.pair.id, 'contract');
    const id = existing?.id ?? newId();
    const content = await sealForPair(
      deps,
      trx,
      ctx.pair.id,
      { ...CONTENT, rowId: id },
      JSON.stringify(normal),
    );
    const set = { content, text_version: version, updated_by: actor!.personId, updated_at: at };
    if (existing) await repo.updateAgreement(trx, id, set);
    else await repo.insertAgreement(trx, { id, pair_id: ctx.pair.id, kind: 'contract', ...set });
    await auditContent(trx, actor!, 'update', ctx, 'pair_contract', at);
    return presentContract(deps, trx, ctx);
  });
}

export async function getConfidentiality(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
): Promise<Confidentiality> {
  // The agreement's text is the programme's, not the pair's; still, it is the pair's page.
  const ctx = await pairFor(deps.db, actor, pairId, 'participate');
  assertUsed(ctx, 'confidentiality');
  const version = confidentialityVersion(ctx.settings);
  const signatures = await repo.signaturesOf(deps.db, ctx.pair.id);
  return {
    text: ctx.settings.documents.confidentialityText,
    textVersion: version,
    signatures: presentSignatures(signatures, 'confidentiality', version),
  };
}

/** One party signs the agreement's current text with their typed name. */
export async function sign(
  deps: Deps,
  actor: Actor | null,
  pairId: string,
  kind: 'contract' | 'confidentiality',
  body: { name: string; textVersion: string },
): Promise<PairLifecycle> {
  const { db } = deps;
  const ctx = await pairFor(db, actor, pairId, kind === 'contract' ? 'writeContent' : 'participate');
  const role = partyRole(ctx);
  assertUsed(ctx, kind);
  assertOpen(ctx);
  await db.transaction().execute(async (trx) => {
    const version = await currentVersion(trx, ctx, kind);
    // The other party changed the text since the signer read it: they must read it again.
    if (version !== body.textVersion) throw AppError.validation('textVersion', 'text_changed');
    const at = nowOf(deps);
    if (kind === 'contract' && !(await repo.findAgreement(trx, ctx.pair.id, 'contract'))) {
      // Signing the questions unanswered: keep the (empty) text that was signed.
      const id = newId();
      const content = await sealForPair(
        deps,
        trx,
        ctx.pair.id,
        { ...CONTENT, rowId: id },
        JSON.stringify(normalise(ctx.settings, {})),
      );
      await repo.insertAgreement(trx, {
        id,
        pair_id: ctx.pair.id,
        kind,
        content,
        text_version: version,
        updated_by: actor!.personId,
        updated_at: at,
      });
    }
    await repo.insertSignature(trx, {
      id: newId(),
      pair_id: ctx.pair.id,
      kind,
      person_id: actor!.personId,
      role,
      signed_name: body.name,
      text_version: version,
      signed_at: at,
    });
    await activateIfReady(deps, trx, ctx, { actorId: actor!.personId, role });
  });
  return lifecycleView(deps, actor, pairId);
}
