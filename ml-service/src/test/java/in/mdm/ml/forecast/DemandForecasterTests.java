package in.mdm.ml.forecast;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;

import in.mdm.ml.feature.MealHistory;
import in.mdm.ml.feature.SchoolCalendar;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The forecast on synthetic schools whose demand is known: intervals that cover what they
 * say, a weekday pattern found, days without a meal taken as unknown demand rather than
 * none, shared effects learnt from many schools, and backtests that prefer the better
 * method.
 */
class DemandForecasterTests {

    static final SchoolCalendar CALENDAR = SchoolCalendar.standard();

    /** A Friday: the forecast covers the school days after it. */
    static final LocalDate AS_OF = LocalDate.parse("2026-11-20");

    final DemandForecaster forecaster = new DemandForecaster(CALENDAR);

    /** Demand of a school on a day: level × weekday factor, Saturdays 10 % lower. */
    static double expected(double level, LocalDate day) {
        return level * (day.getDayOfWeek() == DayOfWeek.SATURDAY ? 0.9 : 1.0);
    }

    static MealHistory history(double level, double noise, long seed, LocalDate asOf) {
        Random random = new Random(seed);
        MealHistory history = new MealHistory();
        for (LocalDate day = asOf.minusDays(MealHistory.DAYS - 1); !day.isAfter(asOf); day = day.plusDays(1)) {
            if (CALENDAR.isSchoolDay(day)) {
                double value = expected(level, day) * (1 + noise * random.nextGaussian());
                history.record((int) day.toEpochDay(), (int) Math.round(Math.max(0, value)), MealHistory.SERVED, 0);
            }
        }
        return history;
    }

    static DemandSeries series(String udise, MealHistory history, LocalDate asOf) {
        return DemandSeries.of(udise, "585", "6308", history, asOf, DemandForecaster.HORIZON, CALENDAR,
                RainOutlook.NONE);
    }

    @Test
    void intervalsCoverWhatTheySayOnSchoolsWhoseNoiseIsKnown() {
        // 600 schools of 200 children with 5 % noise: the next school days of each, drawn
        // from the same law, must fall inside the 80 % interval about 80 % of the time
        int inside80 = 0;
        int inside95 = 0;
        int days = 0;
        double absoluteError = 0;
        double total = 0;
        for (int s = 0; s < 600; s++) {
            long seed = 1000 + s;
            MealHistory history = history(200, 0.05, seed, AS_OF);
            DemandForecast forecast = forecaster.forecast(series("3385080" + String.format("%04d", s), history, AS_OF))
                .orElseThrow();
            Random future = new Random(seed * 31);
            for (DemandForecast.Day day : forecast.days()) {
                double actual = Math.round(expected(200, day.date()) * (1 + 0.05 * future.nextGaussian()));
                inside80 += day.lower80() <= actual && actual <= day.upper80() ? 1 : 0;
                inside95 += day.lower95() <= actual && actual <= day.upper95() ? 1 : 0;
                absoluteError += Math.abs(day.meals() - actual);
                total += actual;
                days++;
            }
        }
        assertThat((double) inside80 / days).as("80 % interval coverage").isBetween(0.76, 0.86);
        assertThat((double) inside95 / days).as("95 % interval coverage").isBetween(0.92, 0.985);
        // 5 % Gaussian noise: the best possible mean absolute error is 4 % (0.8 σ)
        assertThat(absoluteError / total).as("WAPE").isLessThan(0.05);
    }

    @Test
    void theWeekdayPatternIsFoundAndShownAmongTheComponents() {
        MealHistory history = history(150, 0.02, 7, AS_OF);
        DemandForecast forecast = forecaster.forecast(series("33850800301", history, AS_OF)).orElseThrow();
        assertThat(forecast.days()).hasSize(7);
        assertThat(forecast.days().getFirst().date()).isEqualTo(LocalDate.parse("2026-11-21"));
        for (DemandForecast.Day day : forecast.days()) {
            assertThat((double) day.meals()).as(day.date().toString())
                .isCloseTo(expected(150, day.date()), within(6.0));
            assertThat(day.lower80()).isLessThanOrEqualTo(day.meals());
            assertThat(day.upper80()).isGreaterThanOrEqualTo(day.meals());
            assertThat(day.lower95()).isLessThanOrEqualTo(day.lower80());
            assertThat(day.upper95()).isGreaterThanOrEqualTo(day.upper80());
            assertThat(day.components().methods()).containsOnlyKeys(DemandForecaster.methods());
            if (day.date().getDayOfWeek() == DayOfWeek.SATURDAY) {
                assertThat(day.components().weekday()).isCloseTo(0.9, within(0.03));
            }
        }
        assertThat(forecast.method()).isEqualTo(DemandForecaster.METHOD);
        assertThat(forecast.backtest().origins()).isEqualTo(8);
        assertThat(forecast.weights().values().stream().mapToDouble(Double::doubleValue).sum()).isCloseTo(1.0,
                within(0.01));
    }

    @Test
    void daysWithoutAMealAreUnknownDemandNotZeroDemand() {
        MealHistory clean = history(120, 0.03, 11, AS_OF);
        MealHistory withShortages = MealHistory.fromBytes(clean.toBytes());
        // ten school days with no meal for want of stock: nobody was counted as eating
        int marked = 0;
        for (LocalDate day = AS_OF; marked < 10; day = day.minusDays(3)) {
            if (CALENDAR.isSchoolDay(day)) {
                withShortages.record((int) day.toEpochDay(), 0, MealHistory.NO_STOCK, 1);
                marked++;
            }
        }
        DemandSeries censored = series("33850800302", withShortages, AS_OF);
        assertThat(censored.censored()).contains(true);
        DemandForecast a = forecaster.forecast(series("33850800302", clean, AS_OF)).orElseThrow();
        DemandForecast b = forecaster.forecast(censored).orElseThrow();
        for (int i = 0; i < a.days().size(); i++) {
            assertThat((double) b.days().get(i).meals()).as("a day without a meal does not pull the forecast down")
                .isCloseTo(a.days().get(i).meals(), within(5.0))
                .isGreaterThan(0.9 * expected(120, b.days().get(i).date()));
        }
    }

    @Test
    void sharedEffectsAreLearntFromManySchoolsAndUsedWhereOneSchoolSawTooFewDays() {
        // heavy rain on one day in six keeps a fifth of the children at home
        Map<LocalDate, Double> rain = new java.util.HashMap<>();
        Random weather = new Random(5);
        for (LocalDate day = AS_OF.minusDays(120); !day.isAfter(AS_OF.plusDays(20)); day = day.plusDays(1)) {
            rain.put(day, weather.nextDouble() < 1.0 / 6 ? 1.0 : 0.0);
        }
        RainOutlook outlook = (district, days) -> days.stream().mapToDouble(d -> rain.getOrDefault(d, 0.0)).toArray();
        List<DemandSeries> schools = new ArrayList<>();
        for (int s = 0; s < 200; s++) {
            Random random = new Random(s);
            MealHistory history = new MealHistory();
            for (LocalDate day = AS_OF.minusDays(99); !day.isAfter(AS_OF); day = day.plusDays(1)) {
                if (CALENDAR.isSchoolDay(day)) {
                    double value = 180 * (rain.get(day) > 0 ? 0.8 : 1) * (1 + 0.04 * random.nextGaussian());
                    history.record((int) day.toEpochDay(), (int) Math.round(value), MealHistory.SERVED, 0);
                }
            }
            schools.add(DemandSeries.of("338508" + String.format("%05d", s), "585", "6308", history, AS_OF,
                    DemandForecaster.HORIZON, CALENDAR, outlook));
        }
        Priors priors = Priors.learn(schools, CALENDAR);
        assertThat(priors.rain()).as("log of 0.8").isCloseTo(Math.log(0.8), within(0.03));
        assertThat(priors.schools()).isGreaterThanOrEqualTo(Priors.MIN_SCHOOLS);

        DemandForecast forecast = forecaster.forecast(schools.getFirst(), priors).orElseThrow();
        for (DemandForecast.Day day : forecast.days()) {
            double factor = rain.get(day.date()) > 0 ? 0.8 : 1;
            assertThat((double) day.meals()).as(day.date() + " rain " + rain.get(day.date()))
                .isCloseTo(180 * factor, within(12.0));
        }
        assertThat(Priors.learn(schools.subList(0, 5), CALENDAR)).as("too few schools to tell")
            .isEqualTo(new Priors(0, 0, 0, 5));
    }

    @Test
    void theBacktestPrefersTheMethodThatForecastsBetterAndBeatsSeasonalNaive() {
        MealHistory history = history(300, 0.06, 3, AS_OF);
        DemandForecast forecast = forecaster.forecast(series("33850800303", history, AS_OF)).orElseThrow();
        // with independent noise, last week's same day is a worse guess than a smoothed
        // level
        assertThat(forecast.weights().get(DemandForecaster.NAIVE))
            .isLessThan(forecast.weights().get(DemandForecaster.REGRESSION));
        assertThat(forecast.backtest().scaledError()).isLessThan(0.85);
        assertThat(forecast.backtest().residuals()).isGreaterThan(40);
    }

    @Test
    void aSchoolWithTooLittleHistoryGetsNoForecast() {
        MealHistory history = new MealHistory();
        LocalDate day = AS_OF;
        for (int k = 0; k < DemandForecaster.MIN_DAYS - 1; day = day.minusDays(1)) {
            if (CALENDAR.isSchoolDay(day)) {
                history.record((int) day.toEpochDay(), 100, MealHistory.SERVED, 0);
                k++;
            }
        }
        assertThat(forecaster.forecast(series("33850800304", history, AS_OF))).isEmpty();
        history.record((int) day.toEpochDay(), 100, MealHistory.SERVED, 0);
        assertThat(forecaster.forecast(series("33850800304", history, AS_OF))).isPresent();
    }

}
