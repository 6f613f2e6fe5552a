import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { type SessionInfo, sessionResponseSchema } from '../shared/api.ts';
import type { Locale, Role } from '../shared/roles.ts';
import { ApiError, api, setUnauthenticatedHandler } from './api.ts';
import { changeLocale } from './i18n.ts';

const networkStorageKey = 'bollplank.network';

interface SessionContextValue {
  /** undefined while the first session check runs; null when signed out. */
  session: SessionInfo | null | undefined;
  /** Adopts the session returned by sign-in, magic link, invitation or profile update. */
  signedIn(session: SessionInfo): void;
  signOut(): Promise<void>;
  saveLocale(locale: Locale): Promise<void>;
}

const SessionContext = createContext<SessionContextValue | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<SessionInfo | null | undefined>(undefined);

  useEffect(() => {
    setUnauthenticatedHandler(() => setSession(null));
    api.get('/api/session', sessionResponseSchema).then(
      (info) => {
        setSession(info);
        void changeLocale(info.person.locale);
      },
      (error: unknown) => {
        if (!(error instanceof ApiError) || error.status !== 401) console.error(error);
        setSession(null);
      },
    );
  }, []);

  const signedIn = useCallback((info: SessionInfo) => {
    setSession(info);
    // The language saved in the profile follows the person to every device.
    void changeLocale(info.person.locale);
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.postVoid('/api/auth/sign-out');
    } catch (error) {
      // A session that has already ended needs no signing out.
      if (!(error instanceof ApiError) || error.status !== 401) throw error;
    }
    setSession(null);
  }, []);

  const saveLocale = useCallback(
    async (locale: Locale) => {
      await changeLocale(locale);
      if (session) setSession(await api.patch('/api/me', { locale }, sessionResponseSchema));
    },
    [session],
  );

  const value = useMemo(
    () => ({ session, signedIn, signOut, saveLocale }),
    [session, signedIn, signOut, saveLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const context = useContext(SessionContext);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

/** The signed-in person, their current network and what they may do in it. */
export interface Viewer {
  session: SessionInfo;
  networkId: string;
  networkName: string;
  roles: SessionInfo['roles'];
  isAdmin: boolean;
  isCoordinator: boolean;
  /** Organisations where the viewer is coordinator. */
  coordinatorOrganisationIds: string[];
  hasRole(role: Role): boolean;
  organisationName(id: string | null): string;
  chooseNetwork(id: string): void;
}

const ViewerContext = createContext<Viewer | null>(null);

export function ViewerProvider({ session, children }: { session: SessionInfo; children: ReactNode }) {
  const [chosenNetworkId, setChosenNetworkId] = useState(() => localStorage.getItem(networkStorageKey));

  const viewer = useMemo((): Viewer => {
    const network = session.networks.find((n) => n.id === chosenNetworkId) ?? session.networks[0];
    const networkId = network?.id ?? '';
    const roles = session.roles.filter((r) => r.networkId === networkId);
    const coordinatorOrganisationIds = roles
      .filter((r) => r.role === 'org_coordinator' && r.organisationId !== null)
      .map((r) => r.organisationId as string);
    return {
      session,
      networkId,
      networkName: network?.name ?? '',
      roles,
      isAdmin: roles.some((r) => r.role === 'network_admin'),
      isCoordinator: coordinatorOrganisationIds.length > 0,
      coordinatorOrganisationIds,
      hasRole: (role) => roles.some((r) => r.role === role),
      organisationName: (id) => session.organisations.find((o) => o.id === id)?.name ?? '',
      chooseNetwork: (id) => {
        localStorage.setItem(networkStorageKey, id);
        setChosenNetworkId(id);
      },
    };
  }, [session, chosenNetworkId]);

  return <ViewerContext.Provider value={viewer}>{children}</ViewerContext.Provider>;
}

/** Only inside pages that require sign-in. */
export function useViewer(): Viewer {
  const viewer = useContext(ViewerContext);
  if (!viewer) throw new Error('useViewer outside ViewerProvider');
  return viewer;
}

/** The viewer when signed in, else null (for parts shown to everyone, like the header). */
export function useOptionalViewer(): Viewer | null {
  return useContext(ViewerContext);
}
