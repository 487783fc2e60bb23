import * as vscode from 'vscode';

/** How long a status bar note (a cancelled save, a merge) stays. */
const NOTE_MS = 10000;

/**
 * What a save asks the user and tells them in passing. Given to the conflict prompt and the file
 * system provider at construction, so they hold no test hooks: in production VS Code's window
 * answers ({@link windowUser}); the in-editor tests stand in for the user through
 * {@link UserSlot.use}, because a modal's buttons cannot be pressed and the status bar cannot be
 * read from an extension.
 */
export interface UserPort {
  /** A modal warning with buttons: the label of the button chosen, or undefined when dismissed. */
  askModal(question: string, detail: string, buttons: readonly string[]): Promise<string | undefined>;
  /** A quiet note that goes away by itself. */
  note(text: string): void;
}

/** The user at VS Code's window: a modal warning, the status bar. */
export const windowUser: UserPort = {
  askModal: async (question, detail, buttons) =>
    vscode.window.showWarningMessage(question, { modal: true, detail }, ...buttons),
  note: (text) => void vscode.window.setStatusBarMessage(`$(info) ${text}`, NOTE_MS),
};

/** The port the parts are given: it passes every call to the window, or to who stands in for the user. */
export class UserSlot implements UserPort {
  private current: UserPort = windowUser;

  /** Who answers from now on; `undefined`: VS Code's window again. */
  use(user: UserPort | undefined): void {
    this.current = user ?? windowUser;
  }

  askModal(question: string, detail: string, buttons: readonly string[]): Promise<string | undefined> {
    return this.current.askModal(question, detail, buttons);
  }

  note(text: string): void {
    this.current.note(text);
  }
}
