// The pattern library's Button: one look for every team's buttons and button-like links. Templates, not a
// custom element, so the <button> stays a real button inside the team's own shadow root (forms, focus, a11y).
import { css, html, nothing, type TemplateResult } from 'lit';

export type ButtonVariant = 'primary' | 'secondary';
export type ButtonSize = 'normal' | 'small';

interface Common {
  readonly label: string | TemplateResult;
  readonly variant?: ButtonVariant;
  readonly size?: ButtonSize;
  readonly title?: string;
}

export interface ButtonOptions extends Common {
  readonly type?: 'button' | 'submit';
  readonly disabled?: boolean;
  readonly onClick?: (event: MouseEvent) => void;
}

export interface LinkButtonOptions extends Common {
  readonly href: string;
}

const classes = ({ variant = 'secondary', size = 'normal' }: Common) =>
  `ui-button ui-button--${variant} ui-button--${size}`;

export function button(options: ButtonOptions): TemplateResult {
  return html`<button
    class=${classes(options)}
    type=${options.type ?? 'button'}
    title=${options.title ?? nothing}
    ?disabled=${options.disabled ?? false}
    @click=${options.onClick}
  >
    ${options.label}
  </button>`;
}

export function linkButton(options: LinkButtonOptions): TemplateResult {
  return html`<a class=${classes(options)} href=${options.href} title=${options.title ?? nothing}
    >${options.label}</a
  >`;
}

export const buttonStyles = css`
  .ui-button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.5em;
    box-sizing: border-box;
    min-height: 2.75rem;
    padding: 0 1.25rem;
    border: 2px solid var(--tractor-ink, #1b1b1b);
    border-radius: 999px;
    font: inherit;
    font-weight: 600;
    text-decoration: none;
    cursor: pointer;
    transition:
      background-color 120ms,
      color 120ms;
  }
  .ui-button--small {
    min-height: 2rem;
    padding: 0 0.875rem;
    font-size: 0.875rem;
  }
  .ui-button--primary {
    background: var(--tractor-ink, #1b1b1b);
    color: var(--tractor-paper, #fff);
  }
  .ui-button--secondary {
    background: transparent;
    color: var(--tractor-ink, #1b1b1b);
  }
  .ui-button:hover:not(:disabled) {
    background: var(--tractor-accent, #f2b705);
    color: var(--tractor-ink, #1b1b1b);
  }
  .ui-button:focus-visible {
    outline: 3px solid var(--tractor-focus, #3b82f6);
    outline-offset: 2px;
  }
  .ui-button:disabled {
    cursor: not-allowed;
    opacity: 0.45;
  }
`;
