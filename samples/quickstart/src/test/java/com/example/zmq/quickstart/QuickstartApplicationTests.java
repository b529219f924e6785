package com.example.zmq.quickstart;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Runs the quickstart on in-process addresses (no ports) and checks that the demo went
 * through all three patterns while the application started.
 */
@SpringBootTest(properties = { "zmq.endpoints.greeter.addresses=inproc://quickstart-greeter",
		"zmq.endpoints.prices.addresses=inproc://quickstart-prices",
		"zmq.endpoints.tasks.addresses=inproc://quickstart-tasks" })
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class QuickstartApplicationTests {

	@Autowired
	private ZmqTemplate zmq;

	@Autowired
	private PriceWatcher priceWatcher;

	@Autowired
	private TaskWorker taskWorker;

	@Test
	void demoRanAllThreePatterns(CapturedOutput output) {
		assertThat(output).contains("[template] request 'ZeroMQ' -> reply 'Hello, ZeroMQ!'");
		assertThat(this.priceWatcher.received.getCount()).isZero();
		assertThat(this.taskWorker.done.getCount()).isZero();
		assertThat(output).contains("[subscriber] prices.ACME -> Price[symbol=ACME")
			.contains("[puller:zmq-taskWorker.work-")
			.contains("task 5: resize image 5")
			.contains("[template] pushed 5 tasks; all handled: true");
	}

	@Test
	void greeterAnswersRequests() {
		assertThat(this.zmq.request("greeter", "test", String.class, Duration.ofSeconds(5))).isEqualTo("Hello, test!");
	}

}
