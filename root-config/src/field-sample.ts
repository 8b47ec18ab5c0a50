// The event each field-signal sample is announced with in the page (field-signals.ts dispatches it on window;
// the developer overlay, devtools.ts, lists the samples with their team).
import type { RumSample } from '@tractor/shared/contracts/rum';

export const FIELD_SAMPLE_EVENT = 'platform:field-sample';
export type FieldSampleEvent = CustomEvent<RumSample>;
