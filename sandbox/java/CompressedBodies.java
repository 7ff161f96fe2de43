// The compressed message bodies of the fixture cases (sandbox/scripts/fixture-cases-messages.ts COMPRESSED_BODIES),
// made by the official client's own compressors as a 5.x producer compresses a large body:
// CompressorFactory.getCompressor(type).compress(body, 5). Prints one TypeScript line per codec, to paste there.
//   RMQ_VERSION=5.5.0 bash sandbox/scripts/jrun.sh CompressedBodies.java
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.apache.rocketmq.common.compression.CompressionType;
import org.apache.rocketmq.common.compression.CompressorFactory;

public class CompressedBodies {
    public static void main(String[] args) throws Exception {
        // 80 lines, 4,620 bytes: above the producer's 4 KiB compression threshold, and compressible
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 80; i++) {
            text.append("{\"line\":").append(i).append(",\"text\":\"a compressible fixture body, line ").append(i).append("\"}\n");
        }
        byte[] body = text.toString().getBytes(StandardCharsets.UTF_8);
        for (CompressionType type : new CompressionType[] {CompressionType.LZ4, CompressionType.ZSTD, CompressionType.ZLIB}) {
            byte[] compressed = CompressorFactory.getCompressor(type).compress(body, 5);
            System.out.println("  " + type + ": '" + Base64.getEncoder().encodeToString(compressed) + "',");
        }
    }
}
