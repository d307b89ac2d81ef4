/** One tutorial scenario: a title and the code that prints what it shows. */
export interface Scenario {
  title: string;
  run(): void | Promise<void>;
}
