package io.momentum.kafka.topic;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class KebabCaseTests {

	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			Cashier,         cashier
			InvoiceLine,     invoice-line
			APIName,         api-name
			Order2Item,      order2-item
			OrderV2,         order-v2
			HTTPRequest,     http-request
			IOStream,        io-stream
			MP3Player,       mp3-player
			ABC,             abc
			User,            user
			userAccount,     user-account
			Order_Item,      order-item
			invoice-line,    invoice-line
			Item2,           item2
			XMLHttpRequest,  xml-http-request
			A,               a
			""")
	void convertsByMomentumRule(String name, String expected) {
		assertThat(KebabCase.of(name)).isEqualTo(expected);
	}

	@Test
	void emptyStaysEmpty() {
		assertThat(KebabCase.of("")).isEmpty();
	}

	@Test
	void ignoresTurkishDefaultLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(KebabCase.of("InvoiceItem")).isEqualTo("invoice-item");
			assertThat(KebabCase.of("IBANInfo")).isEqualTo("iban-info");
		}
		finally {
			Locale.setDefault(previous);
		}
	}

}
