// What a team's scenarios test (services/<team>/src/scenarios.test.ts) runs its table with: the same GETs asked of
// the service, listening on a free port, and of its msw mock, each answer kept as a caller sees it — status and
// JSON body — so the two sides are compared whole, and each table's rules can be read at a glance (`outcomes`).
// Node only (msw/node): tests import it; mock mode never does.
import type { HttpHandler } from 'msw';
import { setupServer } from 'msw/node';

export interface Answer {
  readonly status: number;
  readonly body: unknown;
}

/** Each scenario's requests — paths with their query — asked in order. */
export type Scenarios = Readonly<Record<string, readonly string[]>>;
/** Each scenario's answers, in the order of its requests. */
export type Answers = Record<string, Answer[]>;

/** A service as the chassis's openTestService opens it (a team's openTestApp). */
interface TestService {
  readonly app: { listen(options: { port: number; host: string }): Promise<string> };
  close(): Promise<void>;
}

async function ask(origin: string, scenarios: Scenarios): Promise<Answers> {
  const answers: Answers = {};
  for (const [name, paths] of Object.entries(scenarios)) {
    const answered: Answer[] = [];
    for (const path of paths) {
      const response = await fetch(origin + path);
      answered.push({ status: response.status, body: await response.json() });
    }
    answers[name] = answered;
  }
  return answers;
}

/** The service's answers: opened (the team's openTestApp), asked over HTTP, closed. */
export async function serviceAnswers(open: () => Promise<TestService>, scenarios: Scenarios) {
  const service = await open();
  try {
    return await ask(await service.app.listen({ port: 0, host: '127.0.0.1' }), scenarios);
  } finally {
    await service.close();
  }
}

/** The mock's answers: its handlers alone on an msw server, which lets no other request through. */
export async function mockAnswers(handlers: readonly HttpHandler[], scenarios: Scenarios) {
  const server = setupServer(...handlers);
  server.listen({ onUnhandledRequest: 'error' });
  try {
    return await ask('http://mock.test', scenarios);
  } finally {
    server.close();
  }
}

/** Each answer in short: its status, and for a refusal the field it names — '200', '404 id', '400 category'. */
export function outcomes(answers: Answers): Record<string, string[]> {
  return Object.fromEntries(
    Object.entries(answers).map(([name, answered]) => [
      name,
      answered.map(({ status, body }) => {
        const field = status >= 400 ? (body as { field?: string } | null)?.field : undefined;
        return field ? `${status} ${field}` : String(status);
      }),
    ]),
  );
}
