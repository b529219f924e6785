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

package io.github.zmqspring.config;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.github.zmqspring.listener.ZmqListenerContainer;

/**
 * The order listeners stop in, so that an in-application pipeline drains: a listener that
 * feeds another one of the same application (its {@code @SendTo} names that listener's
 * endpoint, or an address the other binds or connects to) stops before it, and a higher
 * {@linkplain ZmqListenerEndpoint#getPhase() phase} stops before a lower one. Listeners
 * of one wave stop together; a cycle of feeds is broken where it closes.
 */
final class ListenerStopOrder {

	private final List<Entry> entries;

	private final Map<Entry, Integer> depths = new HashMap<>();

	private ListenerStopOrder(List<Entry> entries) {
		this.entries = entries;
	}

	/**
	 * Return the waves to stop the listeners in, first wave first.
	 * @param entries every listener with what it feeds
	 * @return the containers grouped into waves
	 */
	static List<List<ZmqListenerContainer>> waves(List<Entry> entries) {
		return new ListenerStopOrder(entries).waves();
	}

	private List<List<ZmqListenerContainer>> waves() {
		Map<List<Integer>, List<ZmqListenerContainer>> waves = new LinkedHashMap<>();
		this.entries.stream()
			.sorted(Comparator.comparingInt((Entry entry) -> -entry.listener().getPhase())
				.thenComparingInt((entry) -> depth(entry, new HashSet<>())))
			.forEach((entry) -> waves
				.computeIfAbsent(List.of(-entry.listener().getPhase(), depth(entry, new HashSet<>())),
						(key) -> new ArrayList<>())
				.add(entry.container()));
		return List.copyOf(waves.values());
	}

	/**
	 * Return how many listeners feed this one, one after the other, at most: 0 for a
	 * listener nothing of the application feeds.
	 */
	private int depth(Entry entry, Set<Entry> visiting) {
		Integer known = this.depths.get(entry);
		if (known != null) {
			return known;
		}
		if (!visiting.add(entry)) {
			// a cycle: count no further
			return 0;
		}
		int depth = 0;
		for (Entry feeder : this.entries) {
			if (feeder != entry && feeder.feeds(entry)) {
				depth = Math.max(depth, 1 + depth(feeder, visiting));
			}
		}
		visiting.remove(entry);
		this.depths.put(entry, depth);
		return depth;
	}

	/**
	 * One listener: its container, its definition and where its {@code @SendTo} goes.
	 *
	 * @param container the container
	 * @param listener the listener definition
	 * @param sendToAddresses the addresses its {@code @SendTo} sends to, CZMQ notation,
	 * comma-separated; empty when none
	 */
	record Entry(ZmqListenerContainer container, ZmqListenerEndpoint listener, String sendToAddresses) {

		boolean feeds(Entry other) {
			String target = this.listener.getSendTo();
			if (target == null) {
				return false;
			}
			if (target.trim().equals(other.listener.getEndpoint().trim())) {
				return true;
			}
			Set<String> sent = keys(this.sendToAddresses);
			sent.retainAll(other.receivingKeys());
			return !sent.isEmpty();
		}

		private Set<String> receivingKeys() {
			Set<String> keys = keys(this.container.getEndpointAddresses());
			for (String bound : this.container.getBoundAddresses()) {
				keys.addAll(keys(bound));
			}
			return keys;
		}

		/**
		 * Reduce addresses to what identifies a socket on this host: the port for tcp
		 * (the host may be written as {@code *}, an interface or {@code localhost}), the
		 * whole address for the other transports.
		 */
		private static Set<String> keys(String addresses) {
			Set<String> keys = new HashSet<>();
			for (String address : addresses.split(",")) {
				String plain = address.trim();
				if (plain.startsWith("@") || plain.startsWith(">")) {
					plain = plain.substring(1);
				}
				if (plain.isEmpty()) {
					continue;
				}
				if (plain.startsWith("tcp://")) {
					String port = plain.substring(plain.lastIndexOf(':') + 1);
					if (!port.equals("*") && !port.equals("0")) {
						keys.add("tcp:" + port);
					}
				}
				else {
					keys.add(plain);
				}
			}
			return keys;
		}

	}

}
