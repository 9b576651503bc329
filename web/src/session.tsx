import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { api, setCsrfToken, setUnauthorizedHandler } from './api';
import { changeLocale, currentLocale, storedLocale } from './i18n';
import type { Locale, Session, Shop } from './types';

interface SessionContextValue {
  session: Session | null;
  loading: boolean;
  login: (email: string, password: string) => Promise<Session>;
  logout: () => Promise<void>;
  setLocale: (locale: Locale) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

/** Server-side preference wins on a fresh browser; a choice made in this browser is pushed up. */
function syncLocale(session: Session): void {
  const local = storedLocale();
  if (local && local !== session.user.locale) {
    void api.patch('/api/auth/me', { locale: local }).catch(() => undefined);
  } else if (!local && session.user.locale && session.user.locale !== currentLocale()) {
    changeLocale(session.user.locale);
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | null>(null);
  const [loading, setLoading] = useState(true);

  const accept = useCallback((s: Session) => {
    setCsrfToken(s.csrfToken);
    setSession(s);
    syncLocale(s);
  }, []);

  useEffect(() => {
    setUnauthorizedHandler(() => setSession(null));
    api
      .get<Session>('/api/auth/me', { skipAuthRedirect: true })
      .then(accept)
      .catch(() => setSession(null))
      .finally(() => setLoading(false));
    return () => setUnauthorizedHandler(null);
  }, [accept]);

  const login = useCallback(
    async (email: string, password: string) => {
      const s = await api.post<Session>('/api/auth/login', { email, password }, { skipAuthRedirect: true });
      accept(s);
      return s;
    },
    [accept],
  );

  const logout = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } finally {
      setCsrfToken(null);
      setSession(null);
    }
  }, []);

  const setLocale = useCallback(
    (locale: Locale) => {
      changeLocale(locale);
      if (session) void api.patch('/api/auth/me', { locale }).catch(() => undefined);
    },
    [session],
  );

  const value = useMemo(
    () => ({ session, loading, login, logout, setLocale }),
    [session, loading, login, logout, setLocale],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const ctx = useContext(SessionContext);
  if (!ctx) throw new Error('useSession outside SessionProvider');
  return ctx;
}

export const ShopContext = createContext<Shop | null>(null);

export function useShop(): Shop {
  const shop = useContext(ShopContext);
  if (!shop) throw new Error('useShop outside a shop route');
  return shop;
}

export function useCan(permission: string): boolean {
  return useContext(ShopContext)?.permissions.includes(permission) ?? false;
}
