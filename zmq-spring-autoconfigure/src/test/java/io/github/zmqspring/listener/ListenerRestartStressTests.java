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

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.ConfigurableApplicationContext;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqPuller;
import io.github.zmqspring.annotation.ZmqReplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Starts and stops repliers and pullers with one and four threads many times in one JVM,
 * with requests, pushes and garbage in flight, and requires every application context to
 * close within a bound: the shutdown race between a listener's proxy and its workers must
 * never hang or kill a thread.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ListenerRestartStressTests {

	private static final int ROUNDS = Integer.getInteger("zmq.stress.rounds", 200);

	@Test
	void startingAndStoppingListenersUnderTrafficAlwaysClosesWithinTheBound() throws Exception {
		ApplicationContextRunner runner = ZmqTestSupport.runner()
			.withUserConfiguration(Listeners.class)
			.withPropertyValues("zmq.listener.shutdown-timeout=2s");
		AtomicInteger closed = new AtomicInteger();
		try (ZContext clients = new ZContext()) {
			for (int round = 0; round < ROUNDS; round++) {
				int current = round;
				runner.run((context) -> {
					traffic(clients, context, current);
					// the runner closes the context after this callback; measure that
					// close
					// on a thread of our own so a hang fails the test instead of the
					// build
					CompletableFuture<Void> close = CompletableFuture.runAsync(
							() -> ((ConfigurableApplicationContext) context.getSourceApplicationContext()).close());
					close.get(20, TimeUnit.SECONDS);
					closed.incrementAndGet();
				});
			}
		}
		assertThat(closed).hasValue(ROUNDS);
	}

	private static void traffic(ZContext clients, org.springframework.context.ApplicationContext context, int round)
			throws Exception {
		for (String id : new String[] { "reply1", "reply4" }) {
			String address = ZmqTestSupport.boundAddress(context, id);
			assertThat(ZmqTestSupport.rawRequestText(address, ZmqTestSupport.utf8("r" + round))).isEqualTo("r" + round);
			// requests left unanswered when the context closes
			ZMQ.Socket dealer = clients.createSocket(SocketType.DEALER);
			dealer.setLinger(0);
			dealer.connect(address);
			for (int i = 0; i < 20; i++) {
				dealer.sendMore(new byte[0]);
				dealer.send("pending" + i);
			}
			// no envelope
			dealer.send("garbage");
			garbage(address);
			dealer.close();
		}
		for (String id : new String[] { "pull1", "pull4" }) {
			String address = ZmqTestSupport.boundAddress(context, id);
			ZMQ.Socket push = clients.createSocket(SocketType.PUSH);
			push.setLinger(0);
			push.connect(address);
			for (int i = 0; i < 50; i++) {
				push.send("task" + i, ZMQ.DONTWAIT);
			}
			garbage(address);
			push.close();
		}
	}

	private static void garbage(String address) throws Exception {
		URI uri = URI.create(address);
		try (Socket raw = new Socket(uri.getHost(), uri.getPort())) {
			raw.setSoTimeout(1000);
			OutputStream out = raw.getOutputStream();
			out.write(new byte[] { (byte) 0xff, 0, 0, 0, 0, 0, 0, 0, 1, 0x7f, 3, 0, 'N', 'U', 'L', 'L' });
			out.write(new byte[64]);
			out.flush();
		}
	}

	static class Listeners {

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "reply1")
		String reply1(String request) {
			return request;
		}

		@ZmqReplier(value = "@tcp://127.0.0.1:*", id = "reply4", concurrency = "4")
		String reply4(String request) {
			if (request.startsWith("pending")) {
				LockSupport.parkNanos(5_000_000);
			}
			return request;
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "pull1")
		void pull1(String task) {
		}

		@ZmqPuller(value = "@tcp://127.0.0.1:*", id = "pull4", concurrency = "4")
		void pull4(String task) {
			LockSupport.parkNanos(2_000_000);
		}

	}

}
