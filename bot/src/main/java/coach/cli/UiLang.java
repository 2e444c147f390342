package coach.cli;

import coach.text.Lang;

/** The interface languages a command line accepts; picocli refuses any other value (exit 2) and lists these. */
enum UiLang {
    ru, en;

    Lang lang() {
        return this == en ? Lang.EN : Lang.RU;
    }
}
