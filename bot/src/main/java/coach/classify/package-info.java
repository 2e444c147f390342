/**
 * Small text classifiers trained with Apache OpenNLP on corpora authored in the knowledge base.
 *
 * <ul>
 *   <li>{@link coach.classify.Corpus}: TSV {@code label<TAB>text}, {@code #} comments, validated at
 *       load with file and line; {@link coach.classify.Corpus#split} holds back a stable part for
 *       calibration and tests.</li>
 *   <li>Features: {@link coach.classify.Features#words()} and {@link coach.classify.Features#bigrams()}
 *       over the stems of {@link coach.text.TextAnalyzer}; subclass
 *       {@link coach.classify.TextFeatureGenerator} for more (it sees raw text and tokens).</li>
 *   <li>{@link coach.classify.Categorizer}: {@code train(name, corpus, generators, Training.maxent(…))},
 *       {@code scores(text)}, {@code best(text)}; single-threaded GIS or perceptron, so the same
 *       content gives a byte-identical model.</li>
 *   <li>Build: a {@link coach.classify.ModelSpec} listed in {@code bot/pom.xml} is trained by
 *       {@link coach.classify.ModelTool} into {@code target/classes/models/<name>.bin};
 *       {@link coach.classify.Categorizer#load} opens it when the content fingerprint matches and
 *       trains in memory otherwise ({@code COACH_KB_DIR}).</li>
 *   <li>{@link coach.classify.Calibration}: per-label thresholds for a target precision on the held-back part.</li>
 * </ul>
 */
package coach.classify;
