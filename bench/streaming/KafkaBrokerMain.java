// A real Kafka broker in its own JVM for the streaming benchmark, so the cloner's memory is measured alone.
// Prints BOOTSTRAP=host:port, then runs until killed.
public class KafkaBrokerMain {
    public static void main(String[] args) throws Exception {
        var broker = io.envclone.testing.kafka.EmbeddedKafkaBroker.start();
        System.out.println("BOOTSTRAP=" + broker.bootstrapServers());
        System.out.flush();
        Thread.currentThread().join();
    }
}
