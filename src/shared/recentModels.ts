import type * as vscode from 'vscode';

const KEY = 'modelAtlas.recentModels';
const MAX = 20;

/** Models cited recently, most recent first, remembered per workspace so completion can offer them first. */
export class RecentModels {
  constructor(private readonly state: vscode.Memento) {}

  get ids(): string[] {
    return this.state.get<string[]>(KEY, []);
  }

  add(id: string): Thenable<void> {
    return this.state.update(KEY, [id, ...this.ids.filter((x) => x !== id)].slice(0, MAX));
  }
}
