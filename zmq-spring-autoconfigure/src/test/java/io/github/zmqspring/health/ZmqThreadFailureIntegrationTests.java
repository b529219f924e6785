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

package io.github.zmqspring.health;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZEvent;
import org.zeromq.ZMQ;

import org.springframework.boot.actuate.autoconfigure.endpoint.EndpointAutoConfiguration;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.health.autoconfigure.contributor.HealthContributorAutoConfiguration;
import org.springframework.boot.health.autoconfigure.registry.HealthContributorRegistryAutoConfiguration;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint;
import io.github.zmqspring.actuate.ZmqActuatorEndpoint.FailedThreadDescriptor;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.autoconfigure.actuate.ZmqEndpointAutoConfiguration;
import io.github.zmqspring.autoconfigure.health.ZmqHealthContributorAutoConfiguration;
import io.github.zmqspring.core.ZmqThreadFailures;
import io.github.zmqspring.event.ZmqSocketEvent;
import io.github.zmqspring.event.ZmqSocketEventListener;
import io.github.zmqspring.event.ZmqSocketEventType;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Integration tests for the failures of JeroMQ's own threads: a real JeroMQ I/O thread
 * killed by an {@link Error}, and an exception JeroMQ's poller survives. Both are
 * provoked through raw JeroMQ event hooks on sockets of the shared context, which JeroMQ
 * calls on the I/O thread that accepts a connection; its poller catches
 * {@link RuntimeException} only, so an {@code Error} thrown there ends the thread the way
 * an {@link OutOfMemoryError} would. (The starter's own hook catches what an
 * application's socket event listener throws, so it cannot be used for this.)
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqThreadFailureIntegrationTests {

	private final ApplicationContextRunner contextRunner = ZmqTestSupport.runner()
		.withConfiguration(AutoConfigurations.of(ZmqHealthContributorAutoConfiguration.class,
				HealthContributorAutoConfiguration.class, HealthContributorRegistryAutoConfiguration.class,
				ZmqEndpointAutoConfiguration.class, EndpointAutoConfiguration.class))
		.withPropertyValues("management.endpoints.web.exposure.include=zmq", "zmq.context.close-timeout=500ms",
				"zmq.listener.shutdown-timeout=2s");

	@Test
	void deadIoThreadMakesHealthDownShowsInTheEndpointAndDoesNotBlockTheClose(CapturedOutput output) {
		this.contextRunner.withBean("victim", Victim.class).run((context) -> {
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			// a raw socket of the shared context whose hook throws an Error: the one
			// I/O thread, which also serves the listener, accepts a connection and
			// dies
			ZMQ.Socket fatal = context.getBean(ZContext.class).createSocket(SocketType.PULL);
			fatal.setLinger(0);
			fatal.setEventHook(new ZEvent.ZEventConsummer() {
				@Override
				public void consume(zmq.ZMQ.Event event) {
					throw new SimulatedThreadDeath();
				}

				@Override
				public void consume(ZEvent event) {
				}
			}, ZMQ.EVENT_ACCEPTED);
			fatal.bind("tcp://127.0.0.1:*");
			try (ZContext client = new ZContext(); ZMQ.Socket push = client.createSocket(SocketType.PUSH)) {
				push.setLinger(0);
				push.connect(fatal.getLastEndpoint());
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(ZmqThreadFailures.class).hasFailures());
			}
			Health health = health(context);
			assertThat(health.getStatus()).isEqualTo(Status.DOWN);
			assertThat(failedThreads(health)).singleElement().satisfies((failure) -> {
				assertThat(failure.get("thread")).asString().matches("iothread-\\d+");
				assertThat(failure).containsEntry("error", SimulatedThreadDeath.class.getName());
			});
			List<FailedThreadDescriptor> described = context.getBean(ZmqActuatorEndpoint.class)
				.zmq()
				.context()
				.failedThreads();
			assertThat(described).singleElement().satisfies((failure) -> {
				assertThat(failure.thread()).matches("iothread-\\d+");
				assertThat(failure.error()).isEqualTo(SimulatedThreadDeath.class.getName());
			});
			assertThat(output.getAll()).containsPattern("ERROR .*JeroMQ thread iothread-\\d+ died with "
					+ SimulatedThreadDeath.class.getName().replace(".", "\\.").replace("$", "\\$"));

			// the dead thread never acknowledges the close of the sockets it served
			long start = System.nanoTime();
			context.close();
			assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(10));
		});
		assertThat(output.getAll()).contains("The ZeroMQ context did not close within 500 ms")
			.containsPattern("JeroMQ threads that died: iothread-\\d+ \\(");
	}

	@Test
	void exceptionThePollerSurvivesIsLoggedAndCountedButKeepsHealthUp(CapturedOutput output) {
		this.contextRunner.run((context) -> {
			ZContext shared = context.getBean(ZContext.class);
			ZMQ.Socket pull = shared.createSocket(SocketType.PULL);
			pull.setLinger(0);
			pull.setEventHook(new ZEvent.ZEventConsummer() {
				@Override
				public void consume(zmq.ZMQ.Event event) {
					throw new IllegalStateException("survivable");
				}

				@Override
				public void consume(ZEvent event) {
				}
			}, ZMQ.EVENT_ACCEPTED);
			pull.bind("tcp://127.0.0.1:*");
			try (ZContext client = new ZContext(); ZMQ.Socket push = client.createSocket(SocketType.PUSH)) {
				push.setLinger(0);
				push.connect(pull.getLastEndpoint());
				await().atMost(Duration.ofSeconds(10))
					.until(() -> context.getBean(ZmqThreadFailures.class).getNotificationCount() > 0);
			}
			pull.close();
			assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			assertThat(context.getBean(ZmqThreadFailures.class).hasFailures()).isFalse();
			assertThat(context.getBean(ZmqActuatorEndpoint.class).zmq().context().failedThreads()).isEmpty();
			assertThat(output.getAll()).containsPattern(
					"WARN .*JeroMQ thread iothread-\\d+ recovered from java\\.lang\\.IllegalStateException");
		});
		assertThat(output.getAll()).doesNotContain("did not close within");
	}

	@Test
	void errorThrownByAnApplicationsSocketEventListenerDoesNotKillTheIoThread(CapturedOutput output) {
		this.contextRunner.withBean("victim", Victim.class)
			.withBean("fatalListener", FatalOnAccept.class)
			.run((context) -> {
				try (ZContext client = new ZContext(); ZMQ.Socket push = client.createSocket(SocketType.PUSH)) {
					push.setLinger(0);
					// JeroMQ 0.6.0 sometimes stalls a fresh tcp handshake: retry it soon
					push.setHandshakeIvl(500);
					push.connect(ZmqTestSupport.boundAddress(context, "victim"));
					// sent again on every poll: a message queued on a stalled connection
					// is
					// lost with it
					await().atMost(Duration.ofSeconds(10)).until(() -> {
						push.send("after the error", ZMQ.DONTWAIT);
						return context.getBean(Victim.class).pulled.contains("after the error");
					});
				}
				assertThat(context.getBean(FatalOnAccept.class).thrown).isTrue();
				assertThat(context.getBean(ZmqThreadFailures.class).hasFailures()).isFalse();
				assertThat(health(context).getStatus()).isEqualTo(Status.UP);
			});
		assertThat(output.getAll()).contains("failed on").doesNotContain("did not close within");
	}

	private static Health health(org.springframework.context.ApplicationContext context) {
		return context.getBean(ZmqHealthIndicator.class).health();
	}

	@SuppressWarnings("unchecked")
	private static List<Map<String, Object>> failedThreads(Health health) {
		Map<String, Object> details = (Map<String, Object>) health.getDetails().get("context");
		return (List<Map<String, Object>>) details.get("failedThreads");
	}

	static class Victim {

		final List<String> pulled = new java.util.concurrent.CopyOnWriteArrayList<>();

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "victim")
		void pull(String message) {
			this.pulled.add(message);
		}

	}

	/**
	 * An application's socket event listener that throws an {@link Error} once: the
	 * starter's hook catches it, so it does not add a second dead thread.
	 */
	static class FatalOnAccept implements ZmqSocketEventListener {

		private final AtomicBoolean thrown = new AtomicBoolean();

		@Override
		public void onSocketEvent(ZmqSocketEvent event) {
			if (event.getType() == ZmqSocketEventType.ACCEPTED && this.thrown.compareAndSet(false, true)) {
				throw new SimulatedThreadDeath();
			}
		}

	}

	static class SimulatedThreadDeath extends Error {

		SimulatedThreadDeath() {
			super("simulated death of a JeroMQ thread");
		}

	}

}
