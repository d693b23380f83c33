import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The installed Google Cloud CLI as a test client: a throwaway configuration folder whose
 * dataproc endpoint is the emulator, with any token (the emulator does not check it unless told).
 * Writing the configuration file directly saves three `gcloud config set` calls of seconds each.
 */
export function findGcloud(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const candidate = path.join(dir, 'gcloud');
    try {
      fs.accessSync(candidate, fs.constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return undefined;
}

export interface Gcloud {
  run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }>;
  /** Runs a whole command line (as the console prints it) in bash, with this configuration. */
  runLine(commandLine: string): Promise<{ code: number; stdout: string; stderr: string }>;
  env: NodeJS.ProcessEnv;
  dispose(): void;
}

export function gcloudFor(apiUrl: string, project: string): Gcloud {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'gcloud-config-'));
  fs.mkdirSync(path.join(dir, 'configurations'));
  fs.writeFileSync(path.join(dir, 'token'), 'any-token');
  fs.writeFileSync(path.join(dir, 'active_config'), 'default');
  fs.writeFileSync(
    path.join(dir, 'configurations', 'config_default'),
    [
      '[core]',
      `project = ${project}`,
      'disable_usage_reporting = true',
      '[auth]',
      `access_token_file = ${path.join(dir, 'token')}`,
      '[api_endpoint_overrides]',
      `dataproc = ${apiUrl.replace(/\/?$/, '/')}`,
      '[component_manager]',
      'disable_update_check = true',
      '[survey]',
      'disable_prompts = true',
      '',
    ].join('\n'),
  );
  const env = { ...process.env, CLOUDSDK_CONFIG: dir, CLOUDSDK_CORE_DISABLE_PROMPTS: '1' };
  const exec = (file: string, args: string[]) =>
    new Promise<{ code: number; stdout: string; stderr: string }>((resolve) => {
      execFile(file, args, { env, timeout: 90_000, maxBuffer: 16 * 1024 * 1024 }, (error, stdout, stderr) =>
        resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr }),
      );
    });
  return {
    env,
    run: (args) => exec('gcloud', args),
    runLine: (commandLine) => exec('bash', ['-c', commandLine]),
    dispose: () => fs.rmSync(dir, { recursive: true, force: true }),
  };
}
