import { GoogleAuth, type AuthClient, type OAuth2Client } from 'google-auth-library';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

/** Where the proxy's access tokens come from. Described for people; the token itself never leaves. */
export interface Credentials {
  /** e.g. "Application Default Credentials: service account ci@p.iam.gserviceaccount.com". */
  description: string;
  /** The credential's quota project, sent as X-Goog-User-Project unless --quota-project says otherwise. */
  quotaProject?: string;
  /** The project the credential belongs to, or gcloud's configured one. */
  project?: string;
  /** A valid access token, refreshed before it expires. */
  token(): Promise<string>;
}

export class NoCredentialsError extends Error {}

const SCOPE = 'https://www.googleapis.com/auth/cloud-platform';

export const NO_CREDENTIALS_HELP = `No Google credentials found. Do one of:
  gcloud auth application-default login          (your own account; then run this again)
  export GOOGLE_APPLICATION_CREDENTIALS=key.json  (a service-account key or workload identity config)
  export GOOGLE_OAUTH_ACCESS_TOKEN=$(gcloud auth print-access-token)  (a fixed token, for one hour)`;

function describeClient(client: AuthClient): string {
  const c = client as AuthClient & {
    email?: string;
    getServiceAccountEmail?: () => string | null;
    audience?: string;
  };
  switch (client.constructor.name) {
    case 'JWT':
      return `service account ${c.email ?? '(unknown email)'}`;
    case 'UserRefreshClient':
      return 'user credentials from gcloud auth application-default login';
    case 'Compute':
      return 'the metadata server (Compute Engine, Cloud Run or GKE)';
    case 'Impersonated':
      return 'an impersonated service account';
    default: {
      const impersonated = c.getServiceAccountEmail?.();
      if (impersonated) return `workload identity federation, as ${impersonated}`;
      if (c.audience) return `workload identity federation (external_account, ${c.audience})`;
      return client.constructor.name;
    }
  }
}

/** gcloud's configured project (`gcloud config set project`), read from its config file. */
export function gcloudConfiguredProject(env: NodeJS.ProcessEnv = process.env): string | undefined {
  const dir = env.CLOUDSDK_CONFIG ?? path.join(os.homedir(), '.config', 'gcloud');
  try {
    const active = fs.readFileSync(path.join(dir, 'active_config'), 'utf8').trim() || 'default';
    const config = fs.readFileSync(path.join(dir, 'configurations', `config_${active}`), 'utf8');
    return /^\s*project\s*=\s*(\S+)\s*$/m.exec(config)?.[1];
  } catch {
    return undefined;
  }
}

async function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | undefined> {
  const done = new AbortController();
  const timeout = sleep(ms, undefined, { signal: done.signal }).catch(() => undefined);
  try {
    return await Promise.race([promise.catch(() => undefined), timeout]);
  } finally {
    done.abort();
  }
}

/**
 * In this order: the GOOGLE_OAUTH_ACCESS_TOKEN environment variable (used as is), then Application
 * Default Credentials through google-auth-library (GOOGLE_APPLICATION_CREDENTIALS, gcloud's
 * application-default file, the metadata server), which refreshes tokens before they expire.
 */
export async function findCredentials(env: NodeJS.ProcessEnv = process.env): Promise<Credentials> {
  const fixed = env.GOOGLE_OAUTH_ACCESS_TOKEN?.trim();
  const configuredProject =
    env.GOOGLE_CLOUD_PROJECT ?? env.CLOUDSDK_CORE_PROJECT ?? gcloudConfiguredProject(env);
  if (fixed)
    return {
      description: 'the GOOGLE_OAUTH_ACCESS_TOKEN environment variable (a fixed token, not refreshed)',
      project: configuredProject,
      token: async () => fixed,
    };
  const auth = new GoogleAuth({ scopes: [SCOPE] });
  let client: AuthClient;
  try {
    client = await auth.getClient();
  } catch (error) {
    throw new NoCredentialsError(`${NO_CREDENTIALS_HELP}\n(${(error as Error).message.split('\n')[0]})`);
  }
  const file = env.GOOGLE_APPLICATION_CREDENTIALS;
  let who = describeClient(client);
  if (client.constructor.name === 'UserRefreshClient') {
    // A user's ADC file does not name the account; Google's tokeninfo does (best effort, 3 s).
    const email = await withTimeout(
      (async () => {
        const { token } = await client.getAccessToken();
        const info = await (client as unknown as OAuth2Client).getTokenInfo(token ?? '');
        return info.email;
      })(),
      3000,
    );
    if (email) who = `${email} (gcloud auth application-default login)`;
  }
  // getProjectId may ask gcloud or the metadata server; a console start should not wait long on it.
  const project = configuredProject ?? (await withTimeout(auth.getProjectId(), 3000));
  return {
    description: `Application Default Credentials${file ? ` (${file})` : ''}: ${who}`,
    quotaProject: client.quotaProjectId,
    project,
    token: async () => {
      const { token } = await client.getAccessToken();
      if (!token) throw new Error('the credential gave no access token');
      return token;
    },
  };
}
