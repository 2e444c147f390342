package coach.progress;

import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import org.knowm.xchart.style.Styler;

/**
 * The progress chart as a PNG: how often each criterion was met in the user's last runs, one bar per
 * criterion (weakest first). XChart draws it with Java2D off screen (no display is needed) and
 * ImageIO encodes it.
 */
public final class Chart {
    static final int WIDTH = 800;
    static final int HEIGHT = 500;
    /** More bars would not be readable on a phone. */
    static final int MAX_BARS = 10;
    private static final int MAX_LABEL = 26;

    static {
        // The bot runs on servers without a display; set before any AWT class loads.
        if (System.getProperty("java.awt.headless") == null) {
            System.setProperty("java.awt.headless", "true");
        }
    }

    /** One bar. */
    public record Bar(String label, int percent) {
    }

    private Chart() {
    }

    /** A bar chart of the given bars (at most {@link #MAX_BARS} are drawn), titled and labelled in the user's language. */
    public static byte[] png(String title, String yTitle, List<Bar> bars) {
        List<Bar> shown = bars.size() > MAX_BARS ? bars.subList(0, MAX_BARS) : bars;
        CategoryChart chart = new CategoryChartBuilder().width(WIDTH).height(HEIGHT).title(title).yAxisTitle(yTitle).build();
        Styler st = chart.getStyler();
        org.knowm.xchart.style.CategoryStyler cs = chart.getStyler();
        chart.getStyler().setLegendVisible(false);
        chart.getStyler().setXAxisLabelRotation(35);
        chart.getStyler().setYAxisMin(0.0);
        chart.getStyler().setYAxisMax(100.0);
        chart.getStyler().setYAxisDecimalPattern("#");
        chart.getStyler().setAvailableSpaceFill(0.6);
        chart.getStyler().setLabelsVisible(true);
        chart.getStyler().setLabelsFont(new Font(Font.SANS_SERIF, Font.BOLD, 13));
        st.setChartBackgroundColor(Color.WHITE);
        st.setPlotBackgroundColor(Color.WHITE);
        st.setPlotBorderVisible(false);
        st.setChartTitleFont(new Font(Font.SANS_SERIF, Font.BOLD, 18));
        cs.setAxisTitleFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        cs.setAxisTickLabelsFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        st.setSeriesColors(new Color[]{new Color(0x2E86C1)});
        st.setAntiAlias(true);
        List<String> x = new ArrayList<>();
        List<Integer> y = new ArrayList<>();
        for (Bar b : shown) {
            String label = b.label().length() > MAX_LABEL ? b.label().substring(0, MAX_LABEL - 1) + "…" : b.label();
            // XChart needs distinct categories: two criteria with the same name would merge
            while (x.contains(label)) {
                label = label + " ";
            }
            x.add(label);
            y.add(Math.max(0, Math.min(100, b.percent())));
        }
        chart.addSeries("met", x, y);
        // One canvas, reused: a chart a request would otherwise allocate 1.6 MB of pixels each time,
        // and under load that garbage is what grows the bot's heap. Drawing takes milliseconds.
        synchronized (CANVAS_LOCK) {
            if (canvas == null) {
                canvas = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
            }
            Graphics2D g = canvas.createGraphics();
            // fractional glyph metrics keep rotated labels evenly spaced
            g.setRenderingHint(java.awt.RenderingHints.KEY_FRACTIONALMETRICS, java.awt.RenderingHints.VALUE_FRACTIONALMETRICS_ON);
            g.setRenderingHint(java.awt.RenderingHints.KEY_TEXT_ANTIALIASING, java.awt.RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            try {
                chart.paint(g, WIDTH, HEIGHT);
            } finally {
                g.dispose();
            }
            ByteArrayOutputStream png = new ByteArrayOutputStream(64 * 1024);
            try {
                if (!ImageIO.write(canvas, "png", png)) {
                    throw new IllegalStateException("no PNG writer in this JRE");
                }
            } catch (IOException e) {
                throw new UncheckedIOException("could not encode the progress chart", e);
            }
            return png.toByteArray();
        }
    }

    private static final Object CANVAS_LOCK = new Object();
    private static BufferedImage canvas;
}
