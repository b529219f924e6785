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

package io.github.zmqspring.metrics;

import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;
import io.github.zmqspring.annotation.ZmqSubscriber;
import io.github.zmqspring.autoconfigure.ZmqMetricsAutoConfiguration;
import io.github.zmqspring.core.ZmqRemoteException;
import io.github.zmqspring.core.ZmqRequestTimeoutException;
import io.github.zmqspring.core.ZmqTemplate;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.observation.DefaultMeterObservationHandler;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.observation.ObservationRegistry;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.awaitility.Awaitility.await;

/**
 * Listener, template, socket and proxy meters, read from a {@link SimpleMeterRegistry}
 * after real messages went over real sockets. An {@link ObservationRegistry} with
 * Micrometer's {@link DefaultMeterObservationHandler} turns the {@code zmq.listener} and
 * {@code zmq.template} observations into timers, as Boot's observation auto-configuration
 * does.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqMeterBinderIntegrationTests {

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private final ApplicationContextRunner runner = ZmqTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(ZmqMetricsAutoConfiguration.class))
		.withBean(SimpleMeterRegistry.class)
		.withBean(ObservationRegistry.class, ObservationRegistry::create);

	private ApplicationContextRunner withMeterObservations() {
		return this.runner.withBean(MeterObservationHandlerInstaller.class);
	}

	@Test
	void replierCountsRequestsRepliesBytesAndOutcomes() {
		withMeterObservations()
			.withPropertyValues("zmq.endpoints.echo.addresses=" + ZmqTestSupport.inproc("echo"),
					"zmq.endpoints.echo-json.addresses=" + ZmqTestSupport.inproc("echo-json"))
			.withBean(Echo.class)
			.withBean(JsonEcho.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				for (int i = 0; i < 3; i++) {
					assertThat(template.request("echo", "hello", String.class)).isEqualTo("HELLO");
				}
				assertThatExceptionOfType(ZmqRemoteException.class)
					.isThrownBy(() -> template.request("echo", "fail", String.class));
				// a JSON parameter cannot take a bare word
				assertThatExceptionOfType(ZmqRemoteException.class)
					.isThrownBy(() -> template.request("echo-json", "not json", String.class));
				String[] echo = { "listener.id", "echo", "listener.type", "replier", "endpoint", "echo" };
				assertThat(functionCount(meters, "zmq.listener.messages.received", echo)).isEqualTo(4);
				assertThat(functionCount(meters, "zmq.listener.bytes.received", echo)).isEqualTo(3 * 5 + 4);
				assertThat(functionCount(meters, "zmq.listener.messages.handled", echo)).isEqualTo(3);
				assertThat(functionCount(meters, "zmq.listener.messages.failed", echo)).isEqualTo(1);
				assertThat(functionCount(meters, "zmq.listener.messages.sent", echo)).isEqualTo(4);
				String errorReply = "ZMQ-SPRING-ERROR 500 Internal Server Error";
				assertThat(functionCount(meters, "zmq.listener.bytes.sent", echo))
					.isEqualTo(3 * 5 + errorReply.length());
				assertThat(meters.get("zmq.listener.bytes.received").tags(echo).functionCounter().getId().getBaseUnit())
					.isEqualTo("bytes");
				assertThat(timer(meters, "zmq.listener", "listener.id", "echo", "outcome", "success").count())
					.isEqualTo(3);
				assertThat(timer(meters, "zmq.listener", "listener.id", "echo", "outcome", "error").count())
					.isEqualTo(1);
				String[] json = { "listener.id", "echo-json", "listener.type", "replier", "endpoint", "echo-json" };
				assertThat(
						functionCount(meters, "zmq.listener.messages.rejected", append(json, "reason", "conversion")))
					.isEqualTo(1);
				assertThat(functionCount(meters, "zmq.listener.messages.rejected", append(json, "reason", "frames")))
					.isZero();
				String[] request = { "endpoint", "echo", "operation", "request" };
				assertThat(functionCount(meters, "zmq.template.messages.sent", request)).isEqualTo(4);
				assertThat(functionCount(meters, "zmq.template.bytes.sent", request)).isEqualTo(3 * 5 + 4);
				assertThat(functionCount(meters, "zmq.template.replies.received", request)).isEqualTo(4);
				assertThat(functionCount(meters, "zmq.template.bytes.received", request))
					.isEqualTo(3 * 5 + errorReply.length());
				assertThat(timer(meters, "zmq.template", append(request, "outcome", "success")).count()).isEqualTo(3);
				assertThat(timer(meters, "zmq.template", append(request, "outcome", "remote_error")).count())
					.isEqualTo(1);
			});
	}

	@Test
	void pullerAndSubscriberCountMessagesAndBytes() {
		withMeterObservations()
			.withPropertyValues("zmq.endpoints.tasks.addresses=" + ZmqTestSupport.inproc("tasks"),
					"zmq.endpoints.news.addresses=" + ZmqTestSupport.inproc("news"))
			.withBean(Worker.class)
			.withBean(Reader.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				for (int i = 0; i < 5; i++) {
					template.push("tasks", "task" + i);
				}
				String[] worker = { "listener.id", "worker", "listener.type", "puller", "endpoint", "tasks" };
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(functionCount(meters, "zmq.listener.messages.handled", worker))
						.isEqualTo(5));
				assertThat(functionCount(meters, "zmq.listener.messages.received", worker)).isEqualTo(5);
				assertThat(functionCount(meters, "zmq.listener.bytes.received", worker)).isEqualTo(5 * 5);
				assertThat(timer(meters, "zmq.listener", append(worker, "outcome", "success")).count()).isEqualTo(5);
				String[] push = { "endpoint", "tasks", "operation", "push" };
				assertThat(functionCount(meters, "zmq.template.messages.sent", push)).isEqualTo(5);
				assertThat(functionCount(meters, "zmq.template.bytes.sent", push)).isEqualTo(5 * 5);
				assertThat(timer(meters, "zmq.template", append(push, "outcome", "success")).count()).isEqualTo(5);

				BlockingQueue<String> news = context.getBean(Reader.class).received;
				await().atMost(TIMEOUT).untilAsserted(() -> {
					template.publish("news", "topic", "payload");
					assertThat(news.poll(50, TimeUnit.MILLISECONDS)).isEqualTo("payload");
				});
				String[] reader = { "listener.id", "reader", "listener.type", "subscriber", "endpoint", "news" };
				String[] publish = { "endpoint", "news", "operation", "publish" };
				await().atMost(TIMEOUT).untilAsserted(() -> {
					double received = functionCount(meters, "zmq.listener.messages.received", reader);
					assertThat(received).isPositive();
					assertThat(functionCount(meters, "zmq.listener.messages.handled", reader)).isEqualTo(received);
					// two frames: topic and payload
					assertThat(functionCount(meters, "zmq.listener.bytes.received", reader))
						.isEqualTo(received * ("topic".length() + "payload".length()));
				});
				double published = functionCount(meters, "zmq.template.messages.sent", publish);
				assertThat(published).isPositive();
				assertThat(functionCount(meters, "zmq.template.bytes.sent", publish))
					.isEqualTo(published * ("topic".length() + "payload".length()));
			});
	}

	@Test
	void requestTimeoutCountsAsTimeout() {
		try (ZContext peerContext = new ZContext(); ZMQ.Socket silent = peerContext.createSocket(SocketType.ROUTER)) {
			silent.setLinger(0);
			silent.bind("tcp://127.0.0.1:*");
			String address = ">" + silent.getLastEndpoint();
			withMeterObservations().withPropertyValues("zmq.endpoints.silent.addresses=" + address).run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				assertThatExceptionOfType(ZmqRequestTimeoutException.class)
					.isThrownBy(() -> template.request("silent", "anyone?", String.class, Duration.ofMillis(300)));
				String[] request = { "endpoint", "silent", "operation", "request" };
				assertThat(timer(meters, "zmq.template", append(request, "outcome", "timeout")).count()).isEqualTo(1);
				assertThat(functionCount(meters, "zmq.template.timeouts", request)).isEqualTo(1);
				assertThat(functionCount(meters, "zmq.template.replies.received", request)).isZero();
			});
		}
	}

	@Test
	void socketConnectionsAndDisconnectionsOfARawPeerAreCounted() {
		this.runner.withPropertyValues("zmq.endpoints.echo.addresses=@tcp://127.0.0.1:*")
			.withBean(Echo.class)
			.run((context) -> {
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				String address = ZmqTestSupport.boundAddress(context, "echo");
				// connects, asks, closes
				assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("hi"))).isEqualTo("HI");
				String[] owner = { "owner.kind", "listener", "owner.name", "echo" };
				// one connection, or two when JeroMQ stalled the first handshake and the
				// client reconnected (see docs/reliability.md): each one counted in and
				// out
				await().atMost(TIMEOUT).untilAsserted(() -> {
					double accepted = meters.get("zmq.socket.connections")
						.tags(append(owner, "event", "accepted"))
						.counter()
						.count();
					assertThat(accepted).isGreaterThanOrEqualTo(1);
					assertThat(meters.get("zmq.socket.disconnections")
						.tags(append(owner, "event", "disconnected"))
						.counter()
						.count()).isEqualTo(accepted);
				});
			});
	}

	@Test
	void proxyCountsForwardedMessages() {
		String front = ZmqTestSupport.inproc("front");
		String back = ZmqTestSupport.inproc("back");
		this.runner
			.withPropertyValues("zmq.proxies.stream.type=streamer", "zmq.proxies.stream.frontend=" + front,
					"zmq.proxies.stream.backend=" + back, "zmq.endpoints.tasks.addresses=>" + back,
					"zmq.endpoints.into-proxy.addresses=" + front)
			.withBean(Worker.class)
			.run((context) -> {
				ZmqTemplate template = context.getBean(ZmqTemplate.class);
				MeterRegistry meters = context.getBean(MeterRegistry.class);
				for (int i = 0; i < 4; i++) {
					template.push("into-proxy", "job" + i);
				}
				String[] worker = { "listener.id", "worker", "listener.type", "puller", "endpoint", "tasks" };
				await().atMost(TIMEOUT)
					.untilAsserted(() -> assertThat(functionCount(meters, "zmq.listener.messages.handled", worker))
						.isEqualTo(4));
				assertThat(functionCount(meters, "zmq.proxy.messages", "proxy", "stream", "direction", "to_backend"))
					.isEqualTo(4);
				assertThat(functionCount(meters, "zmq.proxy.messages", "proxy", "stream", "direction", "to_frontend"))
					.isZero();
			});
	}

	private static double functionCount(MeterRegistry meters, String name, String... tags) {
		FunctionCounter counter = meters.get(name).tags(tags).functionCounter();
		return counter.count();
	}

	private static Timer timer(MeterRegistry meters, String name, String... tags) {
		return meters.get(name).tags(tags).timer();
	}

	private static String[] append(String[] tags, String key, String value) {
		String[] all = new String[tags.length + 2];
		System.arraycopy(tags, 0, all, 0, tags.length);
		all[tags.length] = key;
		all[tags.length + 1] = value;
		return all;
	}

	/**
	 * Sends observations to the meter registry, as Boot's observation auto-configuration
	 * does.
	 */
	static class MeterObservationHandlerInstaller {

		MeterObservationHandlerInstaller(ObservationRegistry observations, MeterRegistry meters) {
			observations.observationConfig().observationHandler(new DefaultMeterObservationHandler(meters));
		}

	}

	static class Echo {

		@ZmqReplier(value = "echo", id = "echo")
		String echo(String text) {
			if ("fail".equals(text)) {
				throw new IllegalStateException("failing on purpose");
			}
			return text.toUpperCase(Locale.ROOT);
		}

	}

	static class JsonEcho {

		@ZmqReplier(value = "echo-json", id = "echo-json")
		String json(Task task) {
			return task.name();
		}

	}

	record Task(String name) {
	}

	static class Worker {

		@ZmqPuller(value = "tasks", id = "worker")
		void work(String task) {
		}

	}

	static class Reader {

		final BlockingQueue<String> received = new LinkedBlockingQueue<>();

		@ZmqSubscriber(value = "news", id = "reader", topics = "topic")
		void read(String payload) {
			this.received.add(payload);
		}

	}

}
