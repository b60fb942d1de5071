package io.momentum.kafka.publishing;

import java.lang.reflect.InvocationTargetException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.jspecify.annotations.Nullable;

import org.springframework.util.ClassUtils;

/**
 * Momentum's producer settings (the seed's production values): {@code acks=all},
 * {@code enable.idempotence=true}, {@code linger.ms=5}, {@code batch.size=16384} and
 * {@code compression.type=snappy}, each applied only where the application did not set the key
 * itself, so explicit {@code spring.kafka.producer.*} settings always win.
 * <p>
 * Idempotence is not switched on when the application chose settings it forbids ({@code acks}
 * other than {@code all}, {@code retries=0}, more than 5 in-flight requests per connection);
 * Kafka then leaves it off. Snappy needs a native library: when it cannot be loaded, lz4 is used
 * instead (and a warning says why).
 */
public final class ProducerDefaults {

	private static final Log logger = LogFactory.getLog(ProducerDefaults.class);

	/** The compression type Momentum asks for. */
	public static final String SNAPPY = "snappy";

	/** The compression type used when snappy's native library cannot be loaded. */
	public static final String FALLBACK_COMPRESSION = "lz4";

	private static final String LZ4_CLASS = "net.jpountz.lz4.LZ4Factory";

	private final Supplier<@Nullable String> snappyProblem;

	private volatile @Nullable String compressionType;

	/**
	 * Create defaults that check, once, whether snappy's native library loads in this JVM.
	 */
	public ProducerDefaults() {
		this(ProducerDefaults::snappyProblem);
	}

	/**
	 * Create defaults with the given snappy check.
	 * @param snappyProblem returns {@code null} when snappy works, else why it does not
	 */
	public ProducerDefaults(Supplier<@Nullable String> snappyProblem) {
		this.snappyProblem = snappyProblem;
	}

	/**
	 * The defaults missing from a producer configuration.
	 * @param configured the producer configuration built from the application's settings
	 * @return the entries to add: every Momentum default whose key is not configured
	 */
	public Map<String, Object> missingFrom(Map<String, Object> configured) {
		Map<String, Object> defaults = new LinkedHashMap<>();
		putIfMissing(defaults, configured, ProducerConfig.ACKS_CONFIG, "all");
		if (idempotenceAllowed(configured)) {
			putIfMissing(defaults, configured, ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
		}
		putIfMissing(defaults, configured, ProducerConfig.LINGER_MS_CONFIG, 5);
		putIfMissing(defaults, configured, ProducerConfig.BATCH_SIZE_CONFIG, 16384);
		if (!configured.containsKey(ProducerConfig.COMPRESSION_TYPE_CONFIG)) {
			defaults.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, compressionType());
		}
		return defaults;
	}

	private static void putIfMissing(Map<String, Object> defaults, Map<String, Object> configured, String key,
			Object value) {
		if (!configured.containsKey(key)) {
			defaults.put(key, value);
		}
	}

	private static boolean idempotenceAllowed(Map<String, Object> configured) {
		Object acks = configured.get(ProducerConfig.ACKS_CONFIG);
		if (acks != null && !"all".equalsIgnoreCase(acks.toString().strip()) && !"-1".equals(acks.toString().strip())) {
			return false;
		}
		Object retries = configured.get(ProducerConfig.RETRIES_CONFIG);
		if (retries != null && "0".equals(retries.toString().strip())) {
			return false;
		}
		Object inFlight = configured.get(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION);
		try {
			return inFlight == null || Integer.parseInt(inFlight.toString().strip()) <= 5;
		}
		catch (NumberFormatException ex) {
			return true; // Kafka rejects the value itself, naming the key
		}
	}

	private String compressionType() {
		String type = this.compressionType;
		if (type == null) {
			String problem = this.snappyProblem.get();
			if (problem == null) {
				type = SNAPPY;
			}
			else {
				type = ClassUtils.isPresent(LZ4_CLASS, ProducerDefaults.class.getClassLoader()) ? FALLBACK_COMPRESSION
						: "none";
				logger.warn("compression.type=snappy (Momentum's default) is not available: " + problem
						+ ". Producers use compression.type=" + type
						+ " instead; set spring.kafka.producer.compression-type to choose one explicitly");
			}
			this.compressionType = type;
		}
		return type;
	}

	/**
	 * Why snappy cannot compress in this JVM.
	 * @return {@code null} when a round trip through snappy's native library works, else the
	 * reason
	 */
	static @Nullable String snappyProblem() {
		try {
			Class<?> snappy = ClassUtils.forName("org.xerial.snappy.Snappy", ProducerDefaults.class.getClassLoader());
			byte[] compressed = (byte[]) snappy.getMethod("compress", byte[].class).invoke(null, (Object) new byte[] { 1, 2, 3 });
			byte[] uncompressed = (byte[]) snappy.getMethod("uncompress", byte[].class).invoke(null, (Object) compressed);
			return (uncompressed.length == 3) ? null : "snappy returned corrupt data";
		}
		catch (ClassNotFoundException ex) {
			return "org.xerial.snappy:snappy-java is not on the class path (" + ex + ")";
		}
		catch (LinkageError ex) {
			return "the snappy native library could not be loaded (" + ex + ")";
		}
		catch (InvocationTargetException ex) {
			return "the snappy native library could not be loaded (" + ex.getTargetException() + ")";
		}
		catch (ReflectiveOperationException | RuntimeException ex) {
			return "snappy could not be used (" + ex + ")";
		}
	}

}
