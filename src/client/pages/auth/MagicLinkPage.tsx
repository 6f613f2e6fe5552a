import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useSearchParams } from 'react-router';
import { sessionResponseSchema } from '../../../shared/api.ts';
import { api } from '../../api.ts';
import { Page } from '../../components/Page.tsx';
import { ProblemMessage } from '../../components/ProblemMessage.tsx';
import { useAction } from '../../hooks.ts';
import { useSession } from '../../session.tsx';

/** The target of the sign-in link in the mail: verifies the token once, then goes home. */
export function MagicLinkPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const { signedIn } = useSession();
  const navigate = useNavigate();
  const verify = useAction();
  // A token works only once; don't send it twice when React runs the effect twice in development.
  const sent = useRef(false);

  useEffect(() => {
    if (sent.current) return;
    sent.current = true;
    void verify.run(async () => {
      signedIn(await api.post('/api/auth/magic-link/verify', { token }, sessionResponseSchema));
      navigate('/', { replace: true });
    });
  }, [token, verify, signedIn, navigate]);

  return (
    <Page title={t('auth.magic.title')}>
      {verify.problem ? (
        <>
          <ProblemMessage problem={verify.problem} />
          <p>
            <Link to="/signin">{t('auth.magic.tryAgain')}</Link>
          </p>
        </>
      ) : (
        <p role="status">{t('auth.magic.verifying')}</p>
      )}
    </Page>
  );
}
