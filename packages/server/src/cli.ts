// `referral-kit` command line: import data, migrate, seed, serve. Reports go to stdout, progress to stderr.
import { systemClock, type Clock } from './clock.js';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig, type ServerConfig } from './config.js';
import { migrate, openConfiguredDb } from './db/index.js';
import type { Db } from './db/types.js';
import { seedDemo } from './db/seed.js';
import { formatReport } from './import/report.js';
import { silentProgress, terminalProgress } from './import/progress.js';
import { isFileProblem, isImportKind, runImport, type ImportKind } from './import/run.js';
import { enqueueImport, getImportJob } from './import/queue.js';
import { run as runServer } from './main.js';
import { saveTeam } from './callbacks/index.js';
import {
  createStaffAccount,
  issueSetupLink,
  resetSsoIdentity,
  staffIdByEmail,
  StaffInputError,
} from './staff/index.js';

export const EXIT = { ok: 0, error: 1, invalidRows: 2, held: 3, usage: 64, config: 78 } as const;

export const USAGE = `Usage: referral-kit <command>

  import services <file|folder>   HSDS 3.0 JSON, or an HSDS CSV data package (folder, datapackage.json or services.csv)
      --replace                   also delete services that are not in the file
  import custody <file>           custody feed, CSV or JSON
  import facilities <file>        facilities custody records point to (facility_id), CSV or JSON
      --confirm-mass-change       apply even if more than the allowed share of records change status
      --mass-change-share <0-1>   allowed share (default: MASS_CHANGE_SHARE or 0.05)
  Every import:
      --skip-invalid              apply the valid rows when some are invalid (default: all or nothing)
      --json                      print the report as JSON
      --queue                     hand the import to a worker instead of running it here; prints the job id
      --by <name>                 who queued it (kept with the job)
  import job <id>                 a queued import's status, and its report once done
  staff add --email <address> --name <name> --role specialist|supervisor|admin|partner [--team <id>] [--partner <id>]
                                  create a staff account; prints its one-time setup link
  staff link --email <address>    a new setup link (lost authenticator or password); the old one stops working
  staff sso-reset --email <address>
                                  forget the single sign-on identity the account is pinned to (it changed at
                                  the provider); the next SSO sign-in pins it again by verified email
  staff team add --id <id> --name <name> [--states TX,OK] [--zips 770,773] [--languages en,es] [--fallback]
                                  create or update a team and the requests routed to it
  migrate                         apply database migrations
  seed                            seed demo data into an empty database
  serve                           start the API only (no dispatcher; run \`worker\` too)
  worker                          start the worker: alert dispatcher, retention purge, imports queue and directory
                                  search index builds, stored for the API instances (probes on PORT)
  (\`npm start\` runs the API and the worker in one process)

Database and options come from the environment (DATABASE_URL or DATA_DIR, …), as for the server.
Exit codes: 0 done, 1 error, 2 invalid rows (nothing applied), 3 held by the mass-change guard, 64 usage, 78 configuration.
`;

export interface CliIo {
  env: NodeJS.ProcessEnv;
  stdout: (text: string) => void;
  stderr: NodeJS.WriteStream | { write(text: string): boolean; isTTY?: boolean };
  /** Progress bars (default: on stderr). */
  progress?: boolean;
  /** The clock imports and the demo seed read (default: the system clock). */
  now?: Clock;
}

type CliOptions<F extends string, V extends string> = Record<F, { type: 'boolean' }> & Record<V, { type: 'string' }>;

/** parseArgs options: the flags, and the options that take a value. */
function cliOptions<const F extends string, const V extends string>(flags: readonly F[], valued: readonly V[]) {
  const typed = (names: readonly string[], type: 'boolean' | 'string') => names.map((name) => [name, { type }]);
  return Object.fromEntries([...typed(flags, 'boolean'), ...typed(valued, 'string')]) as CliOptions<F, V>;
}

export async function runCli(argv: string[], io: CliIo): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        ...cliOptions(
          ['replace', 'skip-invalid', 'confirm-mass-change', 'json', 'queue', 'fallback'],
          ['mass-change-share', 'by', 'email', 'name', 'role', 'team', 'partner', 'id', 'states', 'zips', 'languages'],
        ),
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    io.stderr.write(`${error instanceof Error ? error.message : String(error)}\n\n${USAGE}`);
    return EXIT.usage;
  }
  const { values, positionals } = parsed;
  const [command, kind, file] = positionals;
  if (values.help || !command) {
    (values.help ? io.stdout : (t: string) => io.stderr.write(t))(USAGE);
    return values.help ? EXIT.ok : EXIT.usage;
  }

  let config: ServerConfig;
  try {
    config = loadConfig(io.env);
  } catch (error) {
    if (error instanceof ConfigError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.config;
    }
    throw error;
  }

  if (command === 'serve' || command === 'worker') {
    await runServer(io.env, { role: command === 'serve' ? 'api' : 'worker' });
    return new Promise<number>(() => {}); // runs until a signal stops the process
  }
  if (command === 'staff') return runStaff(config, kind, file, values, io);
  if (command !== 'migrate' && command !== 'seed' && command !== 'import')
    return usage(io, `Unknown command "${command}".`);
  if (command === 'import' && !isImportKind(kind) && kind !== 'job') {
    return usage(
      io,
      'Say what to import: "import services <file>", "import custody <file>" or "import facilities <file>".',
    );
  }
  if (command === 'import' && kind === 'job' && !file) return usage(io, 'Give the job id: "import job <id>".');
  if (command === 'import' && !file) return usage(io, `Give the file to import: "import ${kind} <file>".`);
  let share = config.massChangeShare;
  if (values['mass-change-share'] !== undefined) {
    share = Number(values['mass-change-share']);
    if (!(share > 0 && share <= 1))
      return usage(io, '--mass-change-share must be a number above 0 and at most 1, such as 0.05.');
  }

  const db = await openConfiguredDb(config);
  try {
    await migrate(db);
    if (command === 'migrate') {
      io.stdout('Database is up to date.\n');
      return EXIT.ok;
    }
    if (command === 'seed') {
      io.stdout(
        (await seedDemo(db, (io.now ?? systemClock)()))
          ? 'Demo data seeded.\n'
          : 'Nothing to do: the database already has data.\n',
      );
      return EXIT.ok;
    }
    if (kind === 'job') return await showJob(db, file!, values.json ?? false, io);
    const choices = {
      replace: values.replace ?? false,
      skipInvalid: values['skip-invalid'] ?? false,
      confirmMassChange: values['confirm-mass-change'] ?? false,
      massChangeShare: share,
    };
    const now = io.now ?? systemClock;
    if (values.queue) {
      const source = resolve(file!);
      const id = await enqueueImport(
        db,
        { kind: kind as ImportKind, source, options: choices, submittedBy: values.by ?? 'cli' },
        now(),
      );
      io.stdout(
        `Queued ${kind} import of ${source} as job ${id}; a worker (\`referral-kit worker\`) runs it.\nIts report: referral-kit import job ${id}\n`,
      );
      return EXIT.ok;
    }
    const report = await runImport(db, kind as ImportKind, file!, {
      ...choices,
      progress: io.progress === false ? silentProgress : terminalProgress(io.stderr as NodeJS.WriteStream),
      now,
    });
    io.stdout(values.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatReport(report)}\n`);
    return report.outcome === 'held' ? EXIT.held : report.outcome === 'rejected' ? EXIT.invalidRows : EXIT.ok;
  } catch (error) {
    if (isFileProblem(error)) {
      io.stderr.write(`${error instanceof Error ? error.message : String(error)}\nNothing was applied.\n`);
      return EXIT.error;
    }
    throw error;
  } finally {
    await db.close();
  }
}

/** `import job <id>`: the job's status, and its report (as an inline import prints it) once there is one. */
async function showJob(db: Db, id: string, json: boolean, io: CliIo): Promise<number> {
  const job = await getImportJob(db, id);
  if (!job) {
    io.stderr.write(`There is no import job ${id}.\n`);
    return EXIT.error;
  }
  if (json) io.stdout(`${JSON.stringify(job, null, 2)}\n`);
  else {
    const report = job.report && 'error' in job.report ? job.report.error : job.report && formatReport(job.report);
    io.stdout(
      `Import job ${job.id}: ${job.kind} ${job.source}, ${job.status.toUpperCase()} (queued ${job.createdAt} by ${job.submittedBy}, attempts ${job.attempts})\n${report ? `${report}\n` : ''}`,
    );
  }
  return job.status === 'failed' ? EXIT.error : EXIT.ok;
}

type StaffOptions = Partial<
  Record<'email' | 'name' | 'role' | 'team' | 'partner' | 'id' | 'states' | 'zips' | 'languages', string>
> & { fallback?: boolean };

const list = (text: string | undefined) =>
  (text ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);

/** `staff add`, `staff link`, `staff sso-reset`, `staff team add`: the only way accounts come to exist (no sign-up page). */
async function runStaff(
  config: ServerConfig,
  action: string | undefined,
  object: string | undefined,
  values: StaffOptions,
  io: CliIo,
): Promise<number> {
  const teamAdd = action === 'team' && object === 'add';
  if (action !== 'add' && action !== 'link' && action !== 'sso-reset' && !teamAdd)
    return usage(io, 'Say what to do: "staff add", "staff link", "staff sso-reset" or "staff team add".');
  if (action === 'add' && (!values.email || !values.name || !values.role))
    return usage(io, '"staff add" needs --email, --name and --role.');
  if ((action === 'link' || action === 'sso-reset') && !values.email)
    return usage(io, `"staff ${action}" needs --email.`);
  if (teamAdd && (!values.id || !values.name)) return usage(io, '"staff team add" needs --id and --name.');
  const now = (io.now ?? systemClock)();
  const db = await openConfiguredDb(config);
  try {
    await migrate(db);
    if (teamAdd) {
      await saveTeam(
        db,
        {
          id: values.id!,
          name: values.name!,
          states: list(values.states).map((s) => s.toUpperCase()),
          zipPrefixes: list(values.zips),
          languages: list(values.languages ?? 'en'),
          fallback: values.fallback ?? false,
        },
        now,
      );
      io.stdout(`Team ${values.id} saved.\n`);
      return EXIT.ok;
    }
    const staffId =
      action === 'add'
        ? await createStaffAccount(
            db,
            {
              email: values.email!,
              name: values.name!,
              role: values.role!,
              teamId: values.team,
              partnerId: values.partner,
            },
            now,
          )
        : await staffIdByEmail(db, values.email!);
    if (staffId === undefined) {
      io.stderr.write(`There is no account for ${values.email}.\n`);
      return EXIT.error;
    }
    if (action === 'sso-reset') {
      const email = values.email!.trim().toLowerCase();
      io.stdout(
        (await resetSsoIdentity(db, staffId, now))
          ? `${email} is no longer pinned to a single sign-on identity; the next SSO sign-in pins it again.\n`
          : `${email} was not pinned to a single sign-on identity.\n`,
      );
      return EXIT.ok;
    }
    const link = await issueSetupLink(db, config.staff, staffId, config.alerts.publicUrl, now);
    io.stdout(
      `Setup link for ${values.email!.trim().toLowerCase()} (use once, before ${link.expiresAt}; give it to them privately):\n${link.url}\n`,
    );
    return EXIT.ok;
  } catch (error) {
    if (error instanceof StaffInputError) {
      io.stderr.write(`${error.message}\n`);
      return EXIT.usage;
    }
    throw error;
  } finally {
    await db.close();
  }
}

function usage(io: CliIo, message: string): number {
  io.stderr.write(`${message}\n\n${USAGE}`);
  return EXIT.usage;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  runCli(process.argv.slice(2), {
    env: process.env,
    stdout: (t) => process.stdout.write(t),
    stderr: process.stderr,
  }).then(
    (code) => process.exit(code),
    (error: unknown) => {
      process.stderr.write(
        `referral-kit: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
      );
      process.exit(EXIT.error);
    },
  );
}
