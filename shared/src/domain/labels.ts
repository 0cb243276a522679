/** A text in the two languages the service speaks. */
export interface Label {
  it: string;
  en: string;
}

export type Language = keyof Label;
