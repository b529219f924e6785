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

import java.util.concurrent.TimeUnit;

import io.github.zmqspring.ZmqTestSupport;
import io.github.zmqspring.annotation.ZmqSubscriber;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.zeromq.SocketType;
import org.zeromq.ZContext;
import org.zeromq.ZMQ;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code @ZmqSubscriber(sync = ...)} when the publisher's sync socket never answers: the
 * listener retries with a fresh socket, then fails to start with a message naming the
 * sync endpoint.
 *
 * @author zmq-spring contributors
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class ZmqSubscriberSyncIntegrationTests {

	@Test
	void unansweredCheckInFailsStartupNamingTheSyncEndpoint() {
		try (ZContext peer = new ZContext(); ZMQ.Socket silent = peer.createSocket(SocketType.ROUTER)) {
			silent.bind("tcp://127.0.0.1:*");
			String sync = silent.getLastEndpoint();
			ZmqTestSupport.runner()
				.withBean(Reader.class)
				.withPropertyValues("zmq.endpoints.feed.addresses=@" + ZmqTestSupport.inproc("feed"),
						"zmq.endpoints.feed-sync.addresses=" + sync, "zmq.endpoints.feed-sync.request-timeout=1s",
						"zmq.endpoints.feed-sync.request-retries=1",
						// a handshake JeroMQ stalls (jeromq#1022) is retried several
						// times within an
						// attempt
						"zmq.endpoints.feed-sync.handshake-interval=100ms")
				.run((context) -> {
					assertThat(context).hasFailed();
					assertThat(context.getStartupFailure()).rootCause()
						.hasMessageContaining("got no reply from sync endpoint 'feed-sync' (>" + sync + ")")
						.hasMessageContaining("in 2 attempts of 1000 ms")
						.hasMessageContaining("Reader.onMessage(String)");
				});
			// the attempts reached the silent peer as [identity][empty][empty request]; a
			// JeroMQ connection whose handshake stalls can swallow one, so at least one
			silent.setReceiveTimeOut(2000);
			assertThat(silent.recv()).as("identity of an attempt").isNotNull();
			assertThat(silent.recv()).as("delimiter").isEmpty();
			assertThat(silent.recv()).as("empty check-in request").isEmpty();
		}
	}

	static class Reader {

		@ZmqSubscriber(value = "feed", sync = "feed-sync")
		void onMessage(String payload) {
		}

	}

}
