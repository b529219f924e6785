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

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.zeromq.ZMQ;

/**
 * The subscriptions an XPUB socket of the template has seen, for {@code awaitSubscribers}
 * and for counting publications nobody subscribed to. Updated by whoever holds the socket
 * (a publisher after its send, or the template's background thread when the socket
 * signals), read by any thread.
 */
final class SubscriptionTable {

	/** Topic (bytes as ISO-8859-1) to count; guarded by {@code this}. */
	private final Map<String, Integer> counts = new HashMap<>();

	/**
	 * The subscribed prefixes, replaced on every change so publishers read it lock-free.
	 */
	private volatile String[] prefixes = new String[0];

	/**
	 * Read the subscription messages the socket has received. The caller holds the
	 * socket.
	 * @param socket the XPUB socket
	 * @return whether any message was read
	 */
	boolean drain(ZMQ.Socket socket) {
		byte[] message;
		boolean changed = false;
		boolean read = false;
		while ((message = socket.recv(ZMQ.DONTWAIT)) != null) {
			read = true;
			boolean single = !socket.hasReceiveMore();
			while (socket.hasReceiveMore()) {
				socket.recv(0);
			}
			if (!single || message.length == 0 || message[0] > 1) {
				// not a subscription (an XSUB peer may send other messages upstream)
				continue;
			}
			apply(message[0] == 1, new String(message, 1, message.length - 1, StandardCharsets.ISO_8859_1));
			changed = true;
		}
		if (changed) {
			synchronized (this) {
				this.prefixes = this.counts.keySet().toArray(new String[0]);
				notifyAll();
			}
		}
		return read;
	}

	private synchronized void apply(boolean subscribe, String topic) {
		if (subscribe) {
			this.counts.merge(topic, 1, Integer::sum);
		}
		else {
			// XPUB passes an unsubscription only when the topic's last subscriber left
			this.counts.remove(topic);
		}
	}

	/**
	 * Whether any current subscription matches a topic.
	 * @param topic the first frame of a publication
	 * @return whether a subscriber will get it
	 */
	boolean matches(byte[] topic) {
		for (String prefix : this.prefixes) {
			if (FrameIo.startsWith(topic, prefix)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Wait until at least {@code count} subscriptions match a topic.
	 * @param topic the topic, {@code null} for any subscription
	 * @param count how many
	 * @param deadlineNanos until when
	 * @return whether there are enough
	 * @throws InterruptedException if interrupted while waiting
	 */
	synchronized boolean await(byte @Nullable [] topic, int count, long deadlineNanos) throws InterruptedException {
		while (count(topic) < count) {
			long remaining = deadlineNanos - System.nanoTime();
			if (remaining <= 0) {
				return false;
			}
			TimeUnit.NANOSECONDS.timedWait(this, remaining);
		}
		return true;
	}

	private int count(byte @Nullable [] topic) {
		int total = 0;
		for (Map.Entry<String, Integer> subscription : this.counts.entrySet()) {
			if (topic == null || FrameIo.startsWith(topic, subscription.getKey())) {
				total += subscription.getValue();
			}
		}
		return total;
	}

}
