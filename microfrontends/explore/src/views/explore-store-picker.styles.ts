import { css } from 'lit';

// <explore-store-picker>'s own styles, after the pattern library's.
export const exploreStorePickerStyles = css`
  :host {
    display: block;
  }
  .picker {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 1rem;
    min-height: 3.5rem;
  }
  .chosen {
    margin: 0;
  }
  dialog {
    width: min(36rem, calc(100vw - 2rem));
    padding: 1.5rem;
    border: none;
    border-radius: 0.75rem;
    box-shadow: 0 1rem 3rem rgb(0 0 0 / 25%);
  }
  dialog::backdrop {
    background: rgb(0 0 0 / 45%);
  }
  .dialog-head {
    display: flex;
    align-items: center;
    justify-content: space-between;
    margin-bottom: 1rem;
  }
  h2 {
    margin: 0;
    font-size: 1.25rem;
  }
  ul {
    display: grid;
    gap: 0.75rem;
    margin: 0;
    padding: 0;
    list-style: none;
  }
  li {
    display: grid;
    grid-template-columns: 6rem 1fr auto;
    align-items: center;
    gap: 1rem;
  }
  li img {
    width: 6rem;
    height: 4.5rem;
    border-radius: 0.375rem;
  }
  address {
    font-style: normal;
  }
`;
