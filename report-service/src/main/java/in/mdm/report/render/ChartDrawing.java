package in.mdm.report.render;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Paint;
import java.awt.Stroke;
import java.awt.font.FontRenderContext;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jfree.chart.ChartFactory;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.labels.StandardPieSectionLabelGenerator;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.DefaultDrawingSupplier;
import org.jfree.chart.plot.PiePlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.AbstractRenderer;
import org.jfree.chart.renderer.category.LineAndShapeRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.general.DefaultPieDataset;

import in.mdm.report.document.ReportDocument.Chart;
import in.mdm.report.document.ReportDocument.Series;

/**
 * A document's chart as a JFreeChart: bars or lines per series over the categories, or a
 * pie of the first series with each slice's share. Its text is set in one of the shipped
 * fonts: Noto Sans when it can show every label, else Noto Sans Tamil (which has Tamil,
 * digits and punctuation but no Latin letters). The title, axis labels, each category and
 * each series' legend entry then get the font that can show their own text, so a Tamil
 * chart of areas named in Latin letters shows both; a pie's slice labels and legend share
 * one font (its categories are translated with the report).
 */
final class ChartDrawing {

    /**
     * Colours that stay apart in print and for the common colour blindnesses (Okabe-Ito).
     */
    private static final Paint[] PALETTE = { new Color(0x0072B2), new Color(0xE69F00), new Color(0x009E73),
            new Color(0xCC79A7), new Color(0x56B4E9), new Color(0xD55E00), new Color(0xF0E442), new Color(0x000000) };

    private ChartDrawing() {
    }

    /**
     * The chart, for a drawing {@code width} points wide: category labels turn 45 degrees
     * when they would not fit side by side (wrapping would split Tamil words).
     */
    static JFreeChart of(Chart chart, ReportFonts fonts, double width) {
        Font font = fontFor(chart, fonts);
        JFreeChart drawn = switch (chart.kind()) {
            case BAR -> ChartFactory.createBarChart(chart.title(), chart.xLabel(), chart.yLabel(), categories(chart),
                    PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
            case LINE -> ChartFactory.createLineChart(chart.title(), chart.xLabel(), chart.yLabel(), categories(chart),
                    PlotOrientation.VERTICAL, chart.series().size() > 1, false, false);
            case PIE -> ChartFactory.createPieChart(chart.title(), pie(chart), true, false, false);
        };
        theme(font).apply(drawn);
        drawn.setAntiAlias(true);
        // each text in the font that can show it: a Tamil chart names areas in Latin
        // letters
        if (drawn.getTitle() != null) {
            drawn.getTitle().setFont(fontOf(chart.title(), fonts, drawn.getTitle().getFont()));
        }
        if (drawn.getPlot() instanceof CategoryPlot plot) {
            CategoryAxis x = plot.getDomainAxis();
            x.setLabelFont(fontOf(x.getLabel(), fonts, x.getLabelFont()));
            for (Object category : plot.getDataset().getColumnKeys()) {
                x.setTickLabelFont((Comparable<?>) category, fontOf(category.toString(), fonts, x.getTickLabelFont()));
            }
            plot.getRangeAxis()
                .setLabelFont(fontOf(plot.getRangeAxis().getLabel(), fonts, plot.getRangeAxis().getLabelFont()));
            if (plot.getRenderer() instanceof AbstractRenderer renderer) {
                for (int s = 0; s < chart.series().size(); s++) {
                    renderer.setLegendTextFont(s, fontOf(chart.series().get(s).name(), fonts,
                            drawn.getLegend() != null ? drawn.getLegend().getItemFont() : font));
                }
            }
            int count = plot.getDataset().getColumnCount();
            Font tick = x.getTickLabelFont();
            FontRenderContext context = new FontRenderContext(null, true, true);
            double widest = 0;
            for (Object category : plot.getDataset().getColumnKeys()) {
                widest = Math.max(widest, tick.getStringBounds(category.toString(), context).getWidth());
            }
            if (count > 0 && widest > 0.8 * (width - 80) / count) {
                x.setCategoryLabelPositions(CategoryLabelPositions.UP_45);
            }
            x.setMaximumCategoryLabelLines(1);
            NumberAxis y = (NumberAxis) plot.getRangeAxis();
            y.setNumberFormatOverride(new DecimalFormat("#,##0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)));
            if (plot.getRenderer() instanceof LineAndShapeRenderer lines) {
                lines.setDefaultShapesVisible(true);
                lines.setDefaultStroke(new BasicStroke(2f));
                lines.setAutoPopulateSeriesStroke(false);
            }
        }
        else if (drawn.getPlot() instanceof PiePlot<?> pie) {
            pie.setLabelGenerator(
                    new StandardPieSectionLabelGenerator("{0}: {2}", NumberFormat.getNumberInstance(Locale.ROOT),
                            new DecimalFormat("0.0%", DecimalFormatSymbols.getInstance(Locale.ROOT))));
            pie.setShadowPaint(null);
        }
        return drawn;
    }

    /** Noto Sans if it has a glyph for every text of the chart, else Noto Sans Tamil. */
    static Font fontFor(Chart chart, ReportFonts fonts) {
        List<String> texts = new ArrayList<>(List.of(text(chart.title()), text(chart.xLabel()), text(chart.yLabel())));
        for (Series series : chart.series()) {
            texts.add(text(series.name()));
            texts.addAll(series.categories().stream().map(ChartDrawing::text).toList());
        }
        boolean latin = texts.stream().allMatch((text) -> fonts.awtLatin.canDisplayUpTo(text) < 0);
        return latin ? fonts.awtLatin : fonts.awtTamil;
    }

    /**
     * The shipped font that shows all of {@code text} (Noto Sans first), at the size and
     * style of {@code like}.
     */
    static Font fontOf(String text, ReportFonts fonts, Font like) {
        Font base = fonts.awtLatin.canDisplayUpTo(text(text)) < 0 ? fonts.awtLatin : fonts.awtTamil;
        return base.deriveFont(like.getStyle(), like.getSize2D());
    }

    private static String text(String text) {
        return (text != null) ? text : "";
    }

    private static DefaultCategoryDataset categories(Chart chart) {
        DefaultCategoryDataset dataset = new DefaultCategoryDataset();
        for (Series series : chart.series()) {
            for (int i = 0; i < Math.min(series.categories().size(), series.values().size()); i++) {
                dataset.addValue(series.values().get(i), text(series.name()), text(series.categories().get(i)));
            }
        }
        return dataset;
    }

    private static DefaultPieDataset<String> pie(Chart chart) {
        DefaultPieDataset<String> dataset = new DefaultPieDataset<>();
        if (!chart.series().isEmpty()) {
            Series series = chart.series().get(0);
            for (int i = 0; i < Math.min(series.categories().size(), series.values().size()); i++) {
                Double value = series.values().get(i);
                dataset.setValue(text(series.categories().get(i)), (value != null) ? value : 0);
            }
        }
        return dataset;
    }

    private static StandardChartTheme theme(Font font) {
        StandardChartTheme theme = new StandardChartTheme("report");
        theme.setExtraLargeFont(font.deriveFont(Font.PLAIN, 13f));
        theme.setLargeFont(font.deriveFont(Font.PLAIN, 10.5f));
        theme.setRegularFont(font.deriveFont(Font.PLAIN, 9f));
        theme.setSmallFont(font.deriveFont(Font.PLAIN, 8f));
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.LIGHT_GRAY);
        theme.setRangeGridlinePaint(new Color(0xDDDDDD));
        theme.setDomainGridlinePaint(new Color(0xDDDDDD));
        theme.setBarPainter(new StandardBarPainter());
        theme.setShadowVisible(false);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setDrawingSupplier(
                new DefaultDrawingSupplier(PALETTE, PALETTE, PALETTE, new Stroke[] { new BasicStroke(2f) },
                        new Stroke[] { new BasicStroke(0.5f) }, DefaultDrawingSupplier.DEFAULT_SHAPE_SEQUENCE));
        return theme;
    }

}
