package coach.search;

import coach.text.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.CharArraySet;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.StopFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.en.EnglishPossessiveFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.synonym.SynonymGraphFilter;
import org.apache.lucene.analysis.synonym.SynonymMap;

/**
 * The search analysis chain, built from small Lucene stages: standard tokenisation, the coach's
 * own character folding (ё→е, quotes, dashes: {@link coach.text.Normalizer}), lower case, a stop list that keeps negation and pronouns, Snowball stems from the
 * shared text layer, and, at query time only, synonyms from the knowledge base.
 */
public final class CoachAnalyzer extends Analyzer {
    private static final CharArraySet RU_STOP = loadStop("stopwords-ru.txt");
    private static final CharArraySet EN_STOP = loadStop("stopwords-en.txt");

    private final Lang language;
    private final SynonymMap synonyms;

    public CoachAnalyzer(Lang language, SynonymMap synonyms) {
        this.language = language;
        this.synonyms = synonyms;
    }

    public CoachAnalyzer(Lang language) {
        this(language, null);
    }

    @Override
    protected TokenStreamComponents createComponents(String fieldName) {
        Tokenizer source = new StandardTokenizer();
        TokenStream ts = new FoldFilter(source);
        if (language == Lang.EN) {
            ts = new EnglishPossessiveFilter(ts);
        }
        ts = new LowerCaseFilter(ts);
        ts = new StopFilter(ts, language == Lang.EN ? EN_STOP : RU_STOP);
        ts = new StemFilter(ts);
        if (synonyms != null) {
            ts = new SynonymGraphFilter(ts, synonyms, true);
        }
        return new TokenStreamComponents(source, ts);
    }

    @Override
    protected TokenStream normalize(String fieldName, TokenStream in) {
        return new LowerCaseFilter(in);
    }

    private static CharArraySet loadStop(String name) {
        try (InputStream in = CoachAnalyzer.class.getResourceAsStream("/analysis/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource /analysis/" + name);
            }
            List<String> words = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String w = line.strip();
                if (!w.isEmpty() && !w.startsWith("#")) {
                    words.add(w);
                }
            }
            return CharArraySet.unmodifiableSet(new CharArraySet(words, true));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
