package com.example.zmq.pubsub;

import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the sample on in-process addresses (no ports): after the check-in, the one burst
 * reached the downstream readers through the forwarder, complete and filtered by topic
 * prefix.
 */
@SpringBootTest(properties = { "zmq.endpoints.news.addresses=@inproc://pubsub-news",
		"zmq.endpoints.news-in.addresses=>inproc://pubsub-news",
		"zmq.endpoints.news-sync.addresses=inproc://pubsub-news-sync" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class PubSubApplicationTests {

	@Autowired
	private SyncService sync;

	@Autowired
	private RegionalReaders readers;

	@Test
	void forwardedWeatherArrivedCompleteAndFilteredByTopic(CapturedOutput output) {
		assertThat(this.sync.checkedIn.getCount()).isZero();
		assertThat(this.readers.done.getCount()).isZero();
		assertThat(this.readers.weather.get()).isEqualTo(2 * Demo.PER_TOPIC);
		assertThat(this.readers.paris.get()).isEqualTo(Demo.PER_TOPIC);
		assertThat(output).contains("[publisher] a subscriber checked in")
			.contains("[regional] all weather: 200 of 200, Paris only: 100 of 100")
			.doesNotContain("timed out");
	}

}
