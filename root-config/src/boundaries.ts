// The team-boundary toggle: outlines every team's parts in the team's colour. It sets one class on <html>;
// the pattern library's boundaryStyles turn the inherited custom properties into outlines inside every
// shadow root. The choice is remembered in localStorage.
const KEY = 'tractor:boundaries';

function remembered(): boolean {
  try {
    return localStorage.getItem(KEY) === 'on';
  } catch {
    return false;
  }
}

export function setupBoundaryToggle(button: HTMLElement | null = document.getElementById('boundary-toggle')) {
  if (!button) return;
  const root = document.documentElement;
  const show = (on: boolean) => {
    root.classList.toggle('show-boundaries', on);
    button.setAttribute('aria-pressed', String(on));
  };
  show(remembered());
  button.addEventListener('click', () => {
    const on = !root.classList.contains('show-boundaries');
    show(on);
    try {
      localStorage.setItem(KEY, on ? 'on' : 'off');
    } catch {
      // Private mode: the toggle still works for this page.
    }
  });
}
