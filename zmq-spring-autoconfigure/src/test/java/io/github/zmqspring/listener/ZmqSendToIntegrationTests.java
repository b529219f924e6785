/*
 * Copyright 2026-present the original author or authors.
 *
 * Licensed under the Apache License, Version 2.0 (the "License");
 * you may not use this file except in compliance with the License.
 * You may obtain a copy of the License at
 *
 *      https://www.apache.org/licenses/LICENSE-2.0
 *
 * Unless required by applicable law or agreed to in writing, software
 * distributed under the License is distributed on an "AS IS" BASIS,
 * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
 * See the License for the specific language governing permissions and
 * limitations under the License.
 */

package io.github.zmqspring.listener;

import java.time.Duration;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.core.ZmqHeaders;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.messaging.handler.annotation.SendTo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * {@code @SendTo} on pullers and subscribers: a pipeline worker pushes its results to a
 * sink, and a subscriber republishes under the received topic to another network.
 * Endpoints are named under {@code zmq.endpoints}, and the same name binds on one side
 * and connects on the other through the socket types' defaults.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqSendToIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final int TASKS = 50;

	@Test
	void pipelineWorkerPushesEveryResultToTheSinkExactlyOnce() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.tasks.addresses=" + ZmqTestSupport.inproc("tasks"),
					"zmq.endpoints.results.addresses=" + ZmqTestSupport.inproc("results"))
			.withBean(Worker.class)
			.withBean(Sink.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				for (int i = 0; i < TASKS; i++) {
					template.push("tasks", new Task(i));
				}
				assertEveryResultArrivedOnce(context.getBean(Sink.class).results);
				assertThat(context.getBean(Worker.class).threads).allMatch((name) -> name.startsWith("zmq-worker-"));
			});
	}

	@Test
	void pipelineAcrossTwoApplicationsOverTcp() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.results.addresses=@tcp://127.0.0.1:*")
			.withBean(Sink.class)
			.run((sinkContext) -> {
				String sinkAddress = ZmqTestSupport.boundAddress(sinkContext, "sink");
				ZmqTestSupport.runner()
					.withPropertyValues("zmq.endpoints.tasks.addresses=@tcp://127.0.0.1:*",
							"zmq.endpoints.results.addresses=" + sinkAddress)
					.withBean(Worker.class)
					.run((workerContext) -> {
						String tasks = ZmqTestSupport.boundAddress(workerContext, "worker");
						ZmqTemplate ventilator = sinkContext.getBean(ZmqTemplate.class);
						for (int i = 0; i < TASKS; i++) {
							ventilator.push(tasks, new Task(i));
						}
						assertEveryResultArrivedOnce(sinkContext.getBean(Sink.class).results);
					});
			});
	}

	@Test
	void subscriberRepublishesTransformedPayloadUnderTheSameTopic() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.quotes.addresses=" + ZmqTestSupport.inproc("quotes"),
					"zmq.endpoints.quotes-cents.addresses=" + ZmqTestSupport.inproc("quotes-cents"))
			.withBean(Forwarder.class)
			.withBean(CentsSubscriber.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				BlockingQueue<String> received = context.getBean(CentsSubscriber.class).received;
				// slow joiner twice over: publish until the message has crossed both hops
				await().atMost(TIMEOUT).untilAsserted(() -> {
					template.publish("quotes", "px.ACME", new Quote("ACME", 12.5));
					assertThat(received.poll(50, TimeUnit.MILLISECONDS))
						.isEqualTo("px.ACME|CentQuote[symbol=ACME, cents=1250]");
				});
				template.publish("quotes", "px.INIT", new Quote("INIT", 0.75));
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(received).contains("px.INIT|CentQuote[symbol=INIT, cents=75]"));
				assertThat(received).allMatch((message) -> message.equals("px.ACME|CentQuote[symbol=ACME, cents=1250]")
						|| message.equals("px.INIT|CentQuote[symbol=INIT, cents=75]"));
			});
	}

	private static void assertEveryResultArrivedOnce(Queue<Result> results) {
		// wait until all arrived and nothing more came in for a while (a duplicate would)
		await().atMost(TIMEOUT).during(Duration.ofMillis(300)).until(() -> results.size() == TASKS);
		List<Integer> ids = results.stream().map(Result::id).toList();
		assertThat(ids).containsExactlyInAnyOrderElementsOf(IntStream.range(0, TASKS).boxed().toList());
		assertThat(results).allMatch((result) -> result.square() == result.id() * result.id());
	}

	record Task(int id) {
	}

	record Result(int id, int square) {
	}

	record Quote(String symbol, double price) {
	}

	record CentQuote(String symbol, long cents) {
	}

	static class Worker {

		final Queue<String> threads = new ConcurrentLinkedQueue<>();

		@ZmqPuller(value = "tasks", id = "worker", concurrency = "2")
		@SendTo("results")
		Result work(Task task) {
			this.threads.add(Thread.currentThread().getName());
			return new Result(task.id(), task.id() * task.id());
		}

	}

	static class Sink {

		final Queue<Result> results = new ConcurrentLinkedQueue<>();

		@ZmqPuller(value = "results", id = "sink")
		void collect(Result result) {
			this.results.add(result);
		}

	}

	static class Forwarder {

		@ZmqSubscriber(value = "quotes", id = "forwarder", topics = "px.")
		@SendTo("quotes-cents")
		CentQuote toCents(Quote quote) {
			return new CentQuote(quote.symbol(), Math.round(quote.price() * 100));
		}

	}

	static class CentsSubscriber {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "quotes-cents", id = "cents")
		void onQuote(CentQuote quote, @Header(ZmqHeaders.TOPIC) String topic) {
			this.received.add(topic + "|" + quote);
		}

	}

}
