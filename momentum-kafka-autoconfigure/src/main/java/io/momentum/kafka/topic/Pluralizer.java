package io.momentum.kafka.topic;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * English pluralisation of entity names for topic segments, following the rules of Momentum's
 * .NET pluralizer, checked in this order:
 * <ol>
 * <li>uncountable nouns stay ({@code information}, {@code staff}, {@code equipment});</li>
 * <li>nouns whose plural is the singular stay ({@code sheep}, {@code series}, {@code fish});</li>
 * <li>irregular nouns ({@code person → people}, {@code child → children},
 * {@code datum → data}, {@code analysis → analyses} by the {@code -sis} rule);</li>
 * <li>words that are already plural stay ({@code users}, {@code people}, {@code data});</li>
 * <li>suffix rules: {@code -s/-ss/-x/-z/-ch/-sh → +es}, consonant + {@code y → ies},
 * {@code -f/-fe → ves} for a known set ({@code leaf → leaves}, but {@code roof → roofs}),
 * {@code -o → oes} for a known set ({@code hero → heroes}, but {@code photo → photos}),
 * otherwise {@code +s}.</li>
 * </ol>
 * Only the last word of a multi-word name is pluralised ({@code invoice-line → invoice-lines}).
 * The case of the input is kept: {@code Cashier → Cashiers}, {@code CAT → CATS}.
 */
public final class Pluralizer {

	/** Nouns without a plural: they are returned unchanged. */
	static final Set<String> UNCOUNTABLE = Set.of("information", "equipment", "staff", "rice", "money", "news",
			"metadata", "feedback", "software", "hardware", "firmware", "middleware", "traffic", "furniture", "luggage",
			"baggage", "advice", "evidence", "knowledge", "research", "music", "weather", "police", "wildlife",
			"chaos", "kudos", "ethos", "homework", "jewelry", "compliance", "telemetry", "analytics", "physics",
			"mathematics", "economics", "logistics", "electronics", "ethics", "politics", "progress", "clothing",
			"electricity", "asbestos");

	/** Nouns whose plural is the same word. */
	static final Set<String> UNCHANGING = Set.of("sheep", "deer", "fish", "moose", "series", "species", "aircraft",
			"spacecraft", "hovercraft", "offspring", "bison", "salmon", "trout", "swine", "cod", "squid", "shrimp",
			"means", "corps", "headquarters", "barracks", "crossroads", "gallows", "scissors", "trousers", "pants",
			"shorts", "glasses", "binoculars", "pliers", "tongs", "tweezers");

	/** Irregular plurals, matched on the whole word. */
	static final Map<String, String> IRREGULAR = Map.ofEntries(Map.entry("person", "people"),
			Map.entry("man", "men"), Map.entry("woman", "women"), Map.entry("child", "children"),
			Map.entry("foot", "feet"), Map.entry("tooth", "teeth"), Map.entry("goose", "geese"),
			Map.entry("mouse", "mice"), Map.entry("louse", "lice"), Map.entry("ox", "oxen"), Map.entry("die", "dice"),
			Map.entry("datum", "data"), Map.entry("medium", "media"), Map.entry("curriculum", "curricula"),
			Map.entry("memorandum", "memoranda"), Map.entry("bacterium", "bacteria"), Map.entry("stratum", "strata"),
			Map.entry("addendum", "addenda"), Map.entry("erratum", "errata"), Map.entry("criterion", "criteria"),
			Map.entry("phenomenon", "phenomena"), Map.entry("alumnus", "alumni"), Map.entry("alumna", "alumnae"),
			Map.entry("stimulus", "stimuli"), Map.entry("radius", "radii"), Map.entry("nucleus", "nuclei"),
			Map.entry("fungus", "fungi"), Map.entry("cactus", "cacti"), Map.entry("syllabus", "syllabi"),
			Map.entry("larva", "larvae"), Map.entry("alga", "algae"), Map.entry("vertebra", "vertebrae"),
			Map.entry("matrix", "matrices"), Map.entry("vertex", "vertices"), Map.entry("index", "indices"),
			Map.entry("appendix", "appendices"), Map.entry("axis", "axes"), Map.entry("testis", "testes"),
			Map.entry("quiz", "quizzes"));

	private static final Set<String> IRREGULAR_PLURALS = Set.copyOf(IRREGULAR.values());

	/** Irregular singular endings that also apply to compound words ({@code salesperson}). */
	static final List<Map.Entry<String, String>> IRREGULAR_ENDINGS = List.of(Map.entry("person", "people"),
			Map.entry("woman", "women"), Map.entry("child", "children"));

	/** Singular words that end in {@code s} although they are not {@code -ss}, {@code -us} or {@code -is}. */
	static final Set<String> SINGULAR_ENDING_IN_S = Set.of("alias", "atlas", "bias", "canvas", "gas", "lens",
			"pancreas", "cosmos");

	/** Words ending in {@code f} or {@code fe} whose plural ends in {@code ves}. */
	static final List<String> F_TO_VES = List.of("leaf", "loaf", "thief", "sheaf", "half", "calf", "elf", "wolf",
			"scarf", "dwarf", "hoof", "knife", "life", "wife");

	/** Words ending in {@code o} whose plural ends in {@code oes}. */
	static final Set<String> O_TO_OES = Set.of("hero", "potato", "tomato", "echo", "veto", "torpedo", "embargo",
			"mosquito", "buffalo", "domino", "volcano", "tornado", "cargo", "mango");

	/** Words ending in {@code ch} pronounced {@code k}, pluralised with {@code s}. */
	static final Set<String> CH_AS_K = Set.of("stomach", "epoch", "monarch", "patriarch", "matriarch", "tech",
			"czech", "eunuch");

	private Pluralizer() {
	}

	/**
	 * Pluralise the last word of a name. Words are separated by {@code -}, {@code _}, {@code .} or
	 * a space.
	 * @param name a singular noun or a kebab-case name such as {@code invoice-line}
	 * @return the plural, {@code ""} for {@code ""}
	 */
	public static String pluralize(String name) {
		int start = lastWordStart(name);
		String word = name.substring(start);
		if (word.isEmpty()) {
			return name;
		}
		String plural = pluralizeLowerCase(word.toLowerCase(Locale.ROOT));
		return name.substring(0, start) + restoreCase(word, plural);
	}

	private static int lastWordStart(String name) {
		for (int i = name.length() - 1; i >= 0; i--) {
			char c = name.charAt(i);
			if (c == '-' || c == '_' || c == '.' || c == ' ') {
				return i + 1;
			}
		}
		return 0;
	}

	private static String pluralizeLowerCase(String word) {
		if (UNCOUNTABLE.contains(word) || UNCHANGING.contains(word)) {
			return word;
		}
		String irregular = IRREGULAR.get(word);
		if (irregular != null) {
			return irregular;
		}
		for (Map.Entry<String, String> ending : IRREGULAR_ENDINGS) {
			if (word.endsWith(ending.getKey())) {
				return replaceEnd(word, ending.getKey().length(), ending.getValue());
			}
		}
		if (IRREGULAR_PLURALS.contains(word)
				|| IRREGULAR_ENDINGS.stream().anyMatch((ending) -> word.endsWith(ending.getValue()))) {
			return word;
		}
		if (word.endsWith("s")) {
			return pluralizeEndingInS(word);
		}
		if (word.endsWith("x") || word.endsWith("z") || word.endsWith("sh")
				|| (word.endsWith("ch") && !CH_AS_K.contains(word))) {
			return word + "es";
		}
		if (word.endsWith("y") && word.length() > 1
				&& (!isVowel(word.charAt(word.length() - 2)) || word.endsWith("quy"))) {
			return replaceEnd(word, 1, "ies");
		}
		for (String ending : F_TO_VES) {
			if (word.endsWith(ending)) {
				return replaceEnd(word, word.endsWith("fe") ? 2 : 1, "ves");
			}
		}
		if (word.endsWith("o") && O_TO_OES.contains(word)) {
			return word + "es";
		}
		return word + "s";
	}

	private static String pluralizeEndingInS(String word) {
		if (word.endsWith("sis")) {
			return replaceEnd(word, 2, "es");
		}
		if (word.endsWith("ss") || word.endsWith("us") || word.endsWith("is") || SINGULAR_ENDING_IN_S.contains(word)) {
			return word + "es";
		}
		// Any other word ending in s is taken as plural already (users, days, cities, boxes).
		return word;
	}

	private static boolean isVowel(char c) {
		return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
	}

	private static String replaceEnd(String word, int removed, String suffix) {
		return word.substring(0, word.length() - removed) + suffix;
	}

	private static String restoreCase(String original, String plural) {
		if (isAllUpperCase(original)) {
			return plural.toUpperCase(Locale.ROOT);
		}
		StringBuilder result = new StringBuilder(plural.length());
		for (int i = 0; i < plural.length(); i++) {
			char c = plural.charAt(i);
			boolean sameLetter = i < original.length() && Character.toLowerCase(original.charAt(i)) == c;
			result.append(sameLetter ? original.charAt(i) : c);
		}
		return result.toString();
	}

	private static boolean isAllUpperCase(String word) {
		boolean letters = false;
		for (int i = 0; i < word.length(); i++) {
			char c = word.charAt(i);
			if (Character.isLowerCase(c)) {
				return false;
			}
			letters |= Character.isLetter(c);
		}
		return letters && word.length() > 1;
	}

}
