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

package io.github.zmqspring.core;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.autoconfigure.ZmqProperties;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Tests for {@link ZmqContextLifecycle}: the {@code zmq.context.close-timeout} property
 * and a context whose close cannot finish.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
@ExtendWith(OutputCaptureExtension.class)
class ZmqContextCloseIntegrationTests {

	@Test
	void closeTimeoutDefaultsToFiveSeconds() {
		ZmqTestSupport.runner().run((context) -> {
			assertThat(context.getBean(ZmqProperties.class).getContext().getCloseTimeout())
				.isEqualTo(Duration.ofSeconds(5));
			assertThat(context).hasSingleBean(ZmqContextLifecycle.class);
			assertThat(context.getBean(ZContext.class))
				.isSameAs(context.getBean(ZmqContextLifecycle.class).getContext());
		});
	}

	@Test
	void closeTimeoutBinds() {
		ZmqTestSupport.runner()
			.withPropertyValues("zmq.context.close-timeout=750ms")
			.run((context) -> assertThat(context.getBean(ZmqProperties.class).getContext().getCloseTimeout())
				.isEqualTo(Duration.ofMillis(750)));
	}

	@Test
	void contextThatClosesIsClosedWithoutWarning(CapturedOutput output) {
		ZContext[] zmq = new ZContext[1];
		ZmqTestSupport.runner().run((context) -> zmq[0] = context.getBean(ZContext.class));
		assertThat(zmq[0].isClosed()).isTrue();
		assertThat(output.getAll()).doesNotContain("did not close within");
	}

	@Test
	void applicationsOwnContextBeanReplacesTheLifecycle() {
		try (ZContext own = new ZContext()) {
			ZmqTestSupport.runner().withBean(ZContext.class, () -> own).run((context) -> {
				assertThat(context).doesNotHaveBean(ZmqContextLifecycle.class);
				assertThat(context.getBean(ZContext.class)).isSameAs(own);
			});
		}
	}

	@Test
	void closeThatCannotFinishGivesUpAfterTheTimeout(CapturedOutput output) throws IOException {
		int port = freePort();
		ZmqTestSupport.runner().withPropertyValues("zmq.context.close-timeout=500ms").run((context) -> {
			// an unlimited linger with a message queued for a peer that is not there:
			// JeroMQ's close waits for it to be delivered, for ever
			ZMQ.Socket stuck = context.getBean(ZContext.class).createSocket(SocketType.PUSH);
			stuck.setLinger(-1);
			stuck.connect("tcp://127.0.0.1:" + port);
			assertThat(stuck.send("undelivered", ZMQ.DONTWAIT)).isTrue();

			long start = System.nanoTime();
			context.close();
			Duration took = Duration.ofNanos(System.nanoTime() - start);
			assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(450)).isLessThan(Duration.ofSeconds(3));
		});
		assertThat(output.getAll()).contains("WARN")
			.contains("The ZeroMQ context did not close within 500 ms (zmq.context.close-timeout)")
			.contains("1 socket(s) were open when the close began")
			.contains("JeroMQ threads that died: none");

		// the peer appears: the message is delivered, so the abandoned close finishes
		// on its daemon thread instead of staying behind for the rest of the test run
		try (ZContext peer = new ZContext(); ZMQ.Socket pull = peer.createSocket(SocketType.PULL)) {
			pull.setLinger(0);
			pull.setReceiveTimeOut(200);
			pull.bind("tcp://127.0.0.1:" + port);
			String[] received = new String[1];
			await().atMost(Duration.ofSeconds(10)).until(() -> (received[0] = pull.recvStr()) != null);
			assertThat(received[0]).isEqualTo("undelivered");
		}
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

}
