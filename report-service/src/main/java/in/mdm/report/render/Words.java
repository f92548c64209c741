package in.mdm.report.render;

import java.util.Locale;

/**
 * The few words the renderers add themselves (everything else comes in the document, in
 * its language): English, or Tamil for a document in {@code ta}.
 *
 * @param summary the XLSX summary sheet's name
 * @param chartData the heading above a chart's numbers on the summary sheet
 * @param page a PDF page's footer before the page number
 * @param of between the page number and the number of pages
 */
record Words(String summary, String chartData, String page, String of) {

    static final Words ENGLISH = new Words("Summary", "Chart data", "Page", "of");

    static final Words TAMIL = new Words("சுருக்கம்", "வரைபடத் தரவு", "பக்கம்", "/");

    static Words of(Locale language) {
        return (language != null && "ta".equals(language.getLanguage())) ? TAMIL : ENGLISH;
    }

}
