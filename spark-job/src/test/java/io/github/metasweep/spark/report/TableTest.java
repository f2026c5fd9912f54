package io.github.metasweep.spark.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a table's Markdown and LaTeX show of a number, and that the CSV keeps every digit. */
class TableTest {
    @Test
    void smallNumbersKeepThreeSignificantDigitsLargeOnesTwoDecimals() {
        assertEquals("0.0177", Table.number(0.017744860228));
        assertEquals("-0.0281", Table.number(-0.028051811447));
        assertEquals("0.500", Table.number(0.5));
        assertEquals("1.20e-05", Table.number(0.000012));
        assertEquals("0.00", Table.number(0.0));
        assertEquals("1.00", Table.number(1.0));
        assertEquals("-62.53", Table.number(-62.5342));
        assertEquals("123456.79", Table.number(123456.789));
    }

    @Test
    void markdownRoundsTheCsvDoesNot() {
        Table t = new Table("errors", List.of(TableColumn.text("method"),
                TableColumn.number("mse")), List.of(List.of("blind", 0.028051811447922275)));
        assertTrue(t.markdown().contains("| blind | 0.0281 |"), t.markdown());
        assertTrue(t.csv().contains("blind,0.028051811447922275"), t.csv());
    }
}
