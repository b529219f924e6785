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

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.jspecify.annotations.Nullable;
import org.zeromq.SocketType;

/**
 * Turns what users write (an endpoint name or inline addresses) into a
 * {@link ZmqEndpoint}. A string containing {@code ://} is a comma-separated list of
 * addresses; any other string is a name under {@code zmq.endpoints}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqEndpointResolver {

	private static final Log logger = LogFactory.getLog(ZmqEndpointResolver.class);

	private final Map<String, ZmqEndpointDefinition> definitions;

	private final Set<String> ipcWarned = ConcurrentHashMap.newKeySet();

	public ZmqEndpointResolver(Map<String, ZmqEndpointDefinition> definitions) {
		this.definitions = Map.copyOf(definitions);
	}

	/**
	 * Resolve an endpoint for a socket of the given type.
	 * @param endpoint an endpoint name or addresses
	 * @param type the socket type, which decides the direction of bare addresses
	 * @return the resolved endpoint
	 * @throws ZmqInvalidEndpointException if the name is unknown or an address is invalid
	 */
	public ZmqEndpoint resolve(String endpoint, SocketType type) {
		return resolve(endpoint, bindsByDefault(type));
	}

	/**
	 * Resolve an endpoint whose bare addresses take the given direction, whatever the
	 * socket type; a proxy, for example, binds bare addresses on both sides.
	 * @param endpoint an endpoint name or addresses
	 * @param bareAddressesBind whether an address without {@code @} or {@code >} binds
	 * @return the resolved endpoint
	 * @throws ZmqInvalidEndpointException if the name is unknown or an address is invalid
	 */
	public ZmqEndpoint resolve(String endpoint, boolean bareAddressesBind) {
		String spec = endpoint.trim();
		if (spec.isEmpty()) {
			throw new ZmqInvalidEndpointException(endpoint, "no endpoint given",
					"Name an endpoint configured under zmq.endpoints or write an address such as @tcp://*:5555.");
		}
		if (spec.contains("://")) {
			return new ZmqEndpoint(spec, parse(spec, Arrays.asList(spec.split(",")), bareAddressesBind),
					ZmqSocketOptions.NONE);
		}
		ZmqEndpointDefinition definition = this.definitions.get(spec);
		if (definition == null) {
			String closest = closestName(spec);
			String reason = "no endpoint named '" + spec + "' is configured"
					+ ((closest != null) ? " (did you mean '" + closest + "'?)" : "");
			throw new ZmqInvalidEndpointException(spec, reason,
					"Set zmq.endpoints." + spec + ".addresses (for example \"@tcp://*:5555\") in application.yml, "
							+ "or use an address such as tcp://localhost:5555 instead of the name." + knownNames());
		}
		if (definition.addresses().isEmpty()) {
			throw new ZmqInvalidEndpointException(spec, "endpoint '" + spec + "' has no addresses",
					"Set zmq.endpoints." + spec + ".addresses, for example \"@tcp://*:5555\".");
		}
		return new ZmqEndpoint(spec, parse(spec, definition.addresses(), bareAddressesBind), definition.options());
	}

	/**
	 * Return whether the given string names a configured endpoint.
	 * @param name the name
	 * @return {@code true} if configured
	 */
	public boolean isConfigured(String name) {
		return this.definitions.containsKey(name);
	}

	private List<ZmqAddress> parse(String endpoint, List<String> specs, boolean bindByDefault) {
		List<ZmqAddress> addresses = new ArrayList<>();
		for (String spec : specs) {
			if (spec.isBlank()) {
				continue;
			}
			ZmqAddress address;
			try {
				address = ZmqAddress.parse(spec, bindByDefault);
			}
			catch (ZmqInvalidEndpointException ex) {
				if (endpoint.equals(spec)) {
					throw ex;
				}
				throw new ZmqInvalidEndpointException(endpoint, "address '" + spec.trim() + "': " + ex.getReason(),
						ex.getAction());
			}
			if (address.transport().equals("ipc") && this.ipcWarned.add(address.address())) {
				logger.warn("ZeroMQ address " + address.address() + " of endpoint '" + endpoint
						+ "': JeroMQ emulates ipc:// over TCP on the loopback interface; it does not interoperate "
						+ "with libzmq ipc:// sockets. Prefer tcp:// or inproc://.");
			}
			addresses.add(address);
		}
		if (addresses.isEmpty()) {
			throw new ZmqInvalidEndpointException(endpoint, "no address given",
					"Write at least one address such as @tcp://*:5555.");
		}
		return List.copyOf(addresses);
	}

	/**
	 * Return the configured name a misspelled one most likely meant: the closest by edit
	 * distance, if at most a third of the name's letters (and at least one) differ.
	 */
	private @Nullable String closestName(String name) {
		String closest = null;
		int best = Math.max(1, name.length() / 3) + 1;
		for (String candidate : this.definitions.keySet()) {
			int distance = editDistance(name, candidate);
			if (distance < best) {
				best = distance;
				closest = candidate;
			}
		}
		return closest;
	}

	/**
	 * Levenshtein distance: the fewest insertions, deletions and substitutions that turn
	 * one string into the other.
	 */
	private static int editDistance(String a, String b) {
		int[] previous = new int[b.length() + 1];
		int[] current = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			previous[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			current[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int substitution = previous[j - 1] + ((a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1);
				current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
			}
			int[] swap = previous;
			previous = current;
			current = swap;
		}
		return previous[b.length()];
	}

	private String knownNames() {
		return this.definitions.isEmpty() ? ""
				: " Configured endpoints: " + String.join(", ", this.definitions.keySet()) + ".";
	}

	/**
	 * Return the usual direction of a socket type: REP, PUB, PULL, ROUTER and XPUB bind;
	 * the others connect.
	 * @param type the socket type
	 * @return {@code true} if a bare address binds
	 */
	public static boolean bindsByDefault(SocketType type) {
		return switch (type) {
			case REP, PUB, PULL, ROUTER, XPUB -> true;
			default -> false;
		};
	}

}
