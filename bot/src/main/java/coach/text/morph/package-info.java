/**
 * Russian morphology on LanguageTool's Russian dictionaries (data from AOT, aot.ru; LGPL 2.1),
 * read with morfologik: {@link coach.text.morph.Morphology} (analysis, synthesis, inflection,
 * agreement, «ты» → «вы»), {@link coach.text.morph.PhraseInflector} (noun phrases into another
 * case), {@link coach.text.morph.Reading} (lemma + tag).
 *
 * <h2>Entry points</h2>
 * <ul>
 * <li>{@code Morphology.russian()} the shared instance (knowledge base of the process);
 *     {@code Morphology.load(ContentSource)} one for another knowledge base;
 *     {@code Morphology.preload()} starts loading in the background.</li>
 * <li>{@code analyze(word)} → readings; {@code lemmas(word)}; {@code isKnown(word)}.</li>
 * <li>{@code synthesize(lemma, tag)} → forms, preferred first.</li>
 * <li>{@code inflect(word, reading, changes)} / {@code inflect(word, reading, Case)} → the word in
 *     another case, number, gender, person, with its capitalisation.</li>
 * <li>{@code agree(modifier, noun)}, {@code agreeAny(modifierForm, nounForm)};
 *     {@code phrases().agrees(words)} for a whole phrase.</li>
 * <li>{@code phrases().inflect(words | phrase, sourceCase, targetCase, number[, reflexiveAs])} → a
 *     noun phrase in another case («свой/твой» → «ваш»), with names in apposition, a genitive or
 *     prepositional tail kept, a count in digits («3 рабочих дня»), personal pronouns, adjectives
 *     used as nouns.</li>
 * <li>{@code toPolitePlural(form)} → the «вы» counterpart of a «ты» form;
 *     {@code toPolitePlural(words)} a whole clause, past forms only where «ты» is their subject.</li>
 * <li>Replacements: {@code inflectLike(phrase, reading)} (a nominative phrase or an infinitive in
 *     the form of the word it replaces), {@code conjugateLike(verbLemma, reading)}.</li>
 * <li>Templates: {@code agreeing(lemma, noun)} (an adjective agreeing with a noun),
 *     {@code countForm(word, noun, n)} (noun after a number), {@code agreeWith(predicate, reading,
 *     subject)} (a verb or short form agreeing with its subject).</li>
 * </ul>
 * Every method is thread-safe, returns empty rather than guessing, and never throws on odd input.
 *
 * <h2>Tags</h2>
 * A tag is a colon-separated list of fields; the first is the part of speech, the others come in a
 * fixed order per part of speech (synthesis needs the exact tag, field for field). Empty fields
 * occur ({@code NN::Masc:PL:D}, {@code VB:Past::PL}).
 *
 * <table>
 * <caption>Tag layouts</caption>
 * <tr><th>part of speech</th><th>layout</th><th>example</th></tr>
 * <tr><td>NN noun</td><td>NN:animacy:gender:number:case[:Talk]</td><td>NN:Anim:Masc:Sin:D менеджеру</td></tr>
 * <tr><td>NN name, patronymic, surname</td><td>NN:Name|Patr|Fam:gender:number:case</td><td>NN:Name:Masc:Sin:Nom иван</td></tr>
 * <tr><td>NN indeclinable</td><td>NN:animacy:gender</td><td>NN:Inanim:Neut кафе</td></tr>
 * <tr><td>ADJ adjective</td><td>ADJ:Posit|Sup|MPR:gender-or-PL:case; ADJ:Short:gender-or-PL; ADJ:Comp</td><td>ADJ:MPR:Masc:T своим, ADJ:Posit:PL:D новым, ADJ:Short:Masc готов</td></tr>
 * <tr><td>PT participle</td><td>PT:Real|Past:TRANS|INTR:PFV|IMPFV|2PFV:DST|STR:gender-or-PL:case; PT_Short:… without case</td><td>PT:Past:TRANS:PFV:STR:Fem:Nom отправленная</td></tr>
 * <tr><td>VB verb</td><td>VB:Real|Fut|IMP:TRANS|INTR:aspect:Sin|PL:P1|P2|P3; VB:Past:…:gender-or-PL; VB:INF:…</td><td>VB:Real:INTR:IMPFV:Sin:P2 можешь, VB:Past:TRANS:PFV:PL сделали</td></tr>
 * <tr><td>DPT adverbial participle</td><td>DPT:Real|Past:TRANS|INTR:aspect</td><td>DPT:Past:TRANS:PFV сделав</td></tr>
 * <tr><td>PNN pronoun</td><td>PNN:Sin|PL:case[:P1|P2|P3]; PNN:gender:Nom:P3</td><td>PNN:Sin:D:P2 тебе, PNN:PL:T:P2 вами</td></tr>
 * <tr><td>numerals</td><td>Num:gender-or-PL:case (один, два), NumC:case (пять), Ord:gender-or-PL:case (первый)</td><td>NumC:T пятью</td></tr>
 * <tr><td>others</td><td>ADV[:Talk], PREP, CONJ, PARTICLE, INTERJECTION, PARENTHESIS, PRDC, ABR[:gender|PL], Misc</td><td></td></tr>
 * </table>
 *
 * <p>Grammemes and their getters on {@link coach.text.morph.Reading}:
 * <ul>
 * <li>case ({@link coach.text.morph.Case}): Nom nominative, R genitive, 2R second genitive, D dative,
 *     V accusative, T instrumental, P prepositional, 2P second prepositional, Z vocative;</li>
 * <li>number ({@link coach.text.morph.GrammaticalNumber}): Sin, PL. Adjectives, participles,
 *     ordinals and past verbs have one slot for gender or PL: a gender there means singular;</li>
 * <li>gender ({@link coach.text.morph.Gender}): Masc, Fem, Neut;</li>
 * <li>person ({@link coach.text.morph.Person}): P1, P2, P3;</li>
 * <li>animacy ({@link coach.text.morph.Animacy}): Anim, Inanim, Inanimanim (both) for nouns;
 *     Name/Patr/Fam count as animate;</li>
 * <li>verbs: tense/mood Real (present), Fut, Past, IMP (imperative), INF; TRANS/INTR; aspect PFV,
 *     IMPFV, 2PFV (both); bezl impersonal. Participles: DST active, STR passive. Talk: colloquial.</li>
 * </ul>
 *
 * <p>Our one extension: the masculine and plural accusatives of adjective-like words have two forms
 * under one dictionary tag («новый»/«нового», «новые»/«новых»). {@code analyze} adds a trailing
 * {@code :Inanim} or {@code :Anim} field to such a reading when the form's other readings tell
 * which it is (the nominative-like or the genitive-like form), and {@code synthesize} accepts the
 * field to return only that form.
 */
package coach.text.morph;
