import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useApiData } from '../../hooks.ts';
import { myPairListSchema } from './matchingApi.ts';

/** Pairs further on are on the home page's "next step" section (plan/HomePairs.tsx). */
const current = new Set(['introduced']);

/** On a participant's home page: whom they have just been matched with, and what to do first. */
export function MyPairOnHome() {
  const { t } = useTranslation();
  const pairs = useApiData('/api/me/pairs', myPairListSchema);
  const now = (pairs.data ?? []).filter((p) => current.has(p.status));
  if (now.length === 0) return null;
  return (
    <section aria-labelledby="home-pairs">
      <h2 id="home-pairs">
        {t(
          now.every((p) => p.role === 'adept')
            ? 'matching.mine.titleAdept'
            : now.every((p) => p.role === 'mentor')
              ? 'matching.mine.titleMentor'
              : 'matching.mine.titleBoth',
        )}
      </h2>
      <ul className="card-list">
        {now.map((pair) => (
          <li key={pair.id} className="card">
            <h3>
              {t(pair.role === 'adept' ? 'matching.mine.yourMentor' : 'matching.mine.yourAdept', {
                programme: pair.programme.name,
              })}
              : {pair.other.name}
            </h3>
            <p>
              {pair.youMakeContact
                ? t('matching.mine.youContact', { name: pair.other.name })
                : t('matching.mine.theyContact', { name: pair.other.name })}
            </p>
            <p>
              <Link to="/pairs">
                {pair.other.name}, {pair.other.organisation}
              </Link>
            </p>
          </li>
        ))}
      </ul>
    </section>
  );
}
