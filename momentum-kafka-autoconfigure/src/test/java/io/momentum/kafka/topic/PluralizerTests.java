package io.momentum.kafka.topic;

import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

class PluralizerTests {

	/** The golden vectors of Momentum's .NET tests (SPEC §3). */
	@ParameterizedTest(name = "{0} -> {1}")
	@CsvSource(textBlock = """
			box,          boxes
			bus,          buses
			class,        classes
			city,         cities
			day,          days
			leaf,         leaves
			roof,         roofs
			cafe,         cafes
			hero,         heroes
			photo,        photos
			person,       people
			sheep,        sheep
			staff,        staff
			analysis,     analyses
			datum,        data
			status,       statuses
			users,        users
			information,  information
			cashier,      cashiers
			Cashier,      Cashiers
			CAT,          CATS
			""")
	void goldenVectors(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@Test
	void emptyStaysEmpty() {
		assertThat(Pluralizer.pluralize("")).isEmpty();
	}

	@ParameterizedTest(name = "uncountable: {0}")
	@CsvSource(textBlock = """
			equipment,  equipment
			news,       news
			metadata,   metadata
			feedback,   feedback
			software,   software
			money,      money
			Traffic,    Traffic
			""")
	void uncountableNounsStay(String word, String expected) {
		assertThat(Pluralizer.pluralize(word)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "unchanging: {0}")
	@CsvSource(textBlock = """
			deer,       deer
			fish,       fish
			series,     series
			species,    species
			aircraft,   aircraft
			offspring,  offspring
			""")
	void unchangingNounsStay(String word, String expected) {
		assertThat(Pluralizer.pluralize(word)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "irregular: {0} -> {1}")
	@CsvSource(textBlock = """
			man,          men
			woman,        women
			child,        children
			foot,         feet
			tooth,        teeth
			goose,        geese
			mouse,        mice
			ox,           oxen
			criterion,    criteria
			phenomenon,   phenomena
			medium,       media
			index,        indices
			matrix,       matrices
			quiz,         quizzes
			salesperson,  salespeople
			Person,       People
			PERSON,       PEOPLE
			""")
	void irregularNouns(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "already plural: {0}")
	@CsvSource(textBlock = """
			people,    people
			children,  children
			data,      data
			orders,    orders
			cities,    cities
			leaves,    leaves
			boxes,     boxes
			Payments,  Payments
			""")
	void alreadyPluralWordsStay(String word, String expected) {
		assertThat(Pluralizer.pluralize(word)).isEqualTo(expected);
	}

	@ParameterizedTest(name = "-s, -ss, -us, -is, -x, -z, -ch, -sh: {0} -> {1}")
	@CsvSource(textBlock = """
			address,   addresses
			business,  businesses
			campus,    campuses
			virus,     viruses
			alias,     aliases
			gas,       gases
			basis,     bases
			crisis,    crises
			axis,      axes
			tax,       taxes
			buzz,      buzzes
			waltz,     waltzes
			batch,     batches
			church,    churches
			dish,      dishes
			stomach,   stomachs
			epoch,     epochs
			""")
	void sibilantEndingsTakeEs(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "-y: {0} -> {1}")
	@CsvSource(textBlock = """
			category,   categories
			company,    companies
			policy,     policies
			soliloquy,  soliloquies
			key,        keys
			journey,    journeys
			toy,        toys
			guy,        guys
			""")
	void consonantYBecomesIes(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "-f/-fe: {0} -> {1}")
	@CsvSource(textBlock = """
			knife,   knives
			life,    lives
			wife,    wives
			half,    halves
			shelf,   shelves
			wolf,    wolves
			thief,   thieves
			chief,   chiefs
			belief,  beliefs
			proof,   proofs
			safe,    safes
			cliff,   cliffs
			""")
	void fOrFeEndings(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "-o: {0} -> {1}")
	@CsvSource(textBlock = """
			potato,   potatoes
			tomato,   tomatoes
			echo,     echoes
			veto,     vetoes
			video,    videos
			piano,    pianos
			memo,     memos
			zero,     zeros
			""")
	void oEndings(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "default: {0} -> {1}")
	@CsvSource(textBlock = """
			order,     orders
			invoice,   invoices
			user,      users
			payment,   payments
			account,   accounts
			human,     humans
			album,     albums
			""")
	void otherWordsTakeS(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "last word only: {0} -> {1}")
	@CsvSource(textBlock = """
			invoice-line,         invoice-lines
			sales-person,         sales-people
			order-status,         order-statuses
			user-information,     user-information
			company-policy,       company-policies
			line-item_entry,      line-item_entries
			""")
	void pluralizesOnlyTheLastWord(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@ParameterizedTest(name = "case: {0} -> {1}")
	@CsvSource(textBlock = """
			Box,       Boxes
			BOX,       BOXES
			City,      Cities
			CITY,      CITIES
			Leaf,      Leaves
			Analysis,  Analyses
			Datum,     Data
			""")
	void keepsTheCaseOfTheInput(String singular, String plural) {
		assertThat(Pluralizer.pluralize(singular)).isEqualTo(plural);
	}

	@Test
	void ignoresTurkishDefaultLocale() {
		Locale previous = Locale.getDefault();
		Locale.setDefault(Locale.forLanguageTag("tr-TR"));
		try {
			assertThat(Pluralizer.pluralize("INVOICE")).isEqualTo("INVOICES");
			assertThat(Pluralizer.pluralize("Invoice")).isEqualTo("Invoices");
			assertThat(Pluralizer.pluralize("CITY")).isEqualTo("CITIES");
		}
		finally {
			Locale.setDefault(previous);
		}
	}

}
