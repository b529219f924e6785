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

package io.github.zmqspring.load;

import java.net.ServerSocket;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import io.github.zmqspring.JavaProcess;
import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.core.ZmqSendException;
import io.github.zmqspring.core.ZmqTemplate;
import org.junit.jupiter.api.Test;

import org.junit.jupiter.api.Timeout;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A worker and a subscriber are killed (SIGKILL) while messages flow, and a new one takes
 * over: once the new one has its first message, it gets every later message the template
 * accepted, in order, without the sending application restarting. (A push refused with
 * {@code ZmqSendException} while no worker is connected was never sent.)
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class ListenerRestartLoadTests {

	private static final int BURST = 500;

	@Test
	void killedWorkerIsReplacedAndTheNewOneGetsEveryLaterTask() throws Exception {
		String address = "tcp://127.0.0.1:" + freePort();
		outbound(address).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Sender push = (n) -> template.push("out", Integer.toString(n));
			flowThenKillThenFlow("worker", address, push);
		});
	}

	@Test
	void killedSubscriberIsReplacedAndTheNewOneGetsEveryLaterMessage() throws Exception {
		String address = "tcp://127.0.0.1:" + freePort();
		outbound(address).run((context) -> {
			ZmqTemplate template = context.getBean(ZmqTemplate.class);
			Sender publish = (n) -> template.publish("out", "load", Integer.toString(n));
			flowThenKillThenFlow("subscriber", address, publish);
		});
	}

	private static ApplicationContextRunner outbound(String address) {
		// a short send timeout: a push with no worker connected fails fast
		return ZmqTestSupport.runner()
			.withPropertyValues("zmq.endpoints.out.addresses=@" + address, "zmq.endpoints.out.send-timeout=100ms");
	}

	private static void flowThenKillThenFlow(String role, String address, Sender sender) throws Exception {
		Flow flow = new Flow(sender);
		try (JavaProcess first = start(role, address)) {
			int firstSeen = flow.sendUntilReceivedBy(first);
			flow.sendBurstsAndAwait(first, 4);
			flow.assertEveryAcceptedMessageFrom(firstSeen, first);
			first.kill();
			// the application keeps sending while nobody listens
			for (int i = 0; i < 20; i++) {
				flow.sendLenient();
			}
		}
		try (JavaProcess second = start(role, address)) {
			int firstSeen = flow.sendUntilReceivedBy(second);
			flow.sendBurstsAndAwait(second, 4);
			flow.assertEveryAcceptedMessageFrom(firstSeen, second);
			System.out.printf("%s restart: replacement took over at message %d, received %d more in order%n", role,
					firstSeen, flow.next - firstSeen);
		}
	}

	private static IntStream received(JavaProcess process) {
		return process.output()
			.stream()
			.filter((line) -> line.startsWith("GOT "))
			.mapToInt((line) -> Integer.parseInt(line.substring(4)));
	}

	private static JavaProcess start(String role, String address) throws Exception {
		return JavaProcess
			.start(ListenerProcess.class, "--spring.profiles.active=" + role, "--load.address=" + address,
					"--spring.main.banner-mode=off", "--logging.level.root=WARN")
			.awaitLine("READY", Duration.ofSeconds(60));
	}

	private static int freePort() throws Exception {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	/**
	 * Numbered messages sent one after the other; remembers those whose send was refused
	 * (a push with no worker times out), which were never sent.
	 */
	private static final class Flow {

		private final Sender sender;

		private final Set<Integer> refused = new HashSet<>();

		private int next;

		Flow(Sender sender) {
			this.sender = sender;
		}

		void sendLenient() {
			int n = this.next++;
			try {
				this.sender.send(n);
			}
			catch (ZmqSendException ex) {
				this.refused.add(n);
			}
		}

		/**
		 * Send one message at a time until the process reports one: its subscription or
		 * connection is then complete.
		 */
		int sendUntilReceivedBy(JavaProcess process) {
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				sendLenient();
				return received(process).findAny().isPresent();
			});
			return received(process).min().getAsInt();
		}

		void sendBurstsAndAwait(JavaProcess process, int bursts) {
			for (int b = 0; b < bursts; b++) {
				for (int i = 0; i < BURST; i++) {
					this.sender.send(this.next++);
				}
				int last = this.next - 1;
				await().atMost(Duration.ofSeconds(30)).until(() -> received(process).anyMatch((n) -> n == last));
			}
		}

		void assertEveryAcceptedMessageFrom(int from, JavaProcess process) {
			List<Integer> expected = IntStream.range(from, this.next)
				.filter((n) -> !this.refused.contains(n))
				.boxed()
				.toList();
			assertThat(received(process).boxed().toList())
				.as("every accepted message from %d to %d exactly once, in order", from, this.next - 1)
				.containsExactlyElementsOf(expected);
		}

	}

	@FunctionalInterface
	interface Sender {

		void send(int n);

	}

}
