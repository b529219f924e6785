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

import java.util.Locale;

/**
 * One address of an endpoint in the CZMQ notation: {@code @tcp://*:5555} binds,
 * {@code >tcp://host:5555} connects, and a bare address takes the socket type's usual
 * direction (REP, PUB, PULL, ROUTER, XPUB bind; REQ, SUB, PUSH, DEALER, XSUB connect).
 *
 * @param address the ZeroMQ address without the {@code @}/{@code >} prefix
 * @param bind whether the socket binds it (else connects)
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public record ZmqAddress(String address, boolean bind) {

	/**
	 * Parse one address.
	 * @param spec the address as written, with an optional {@code @} or {@code >} prefix
	 * @param bindByDefault the direction of a bare address
	 * @return the parsed address
	 * @throws ZmqInvalidEndpointException if the address is malformed or its transport
	 * unsupported
	 */
	public static ZmqAddress parse(String spec, boolean bindByDefault) {
		String trimmed = spec.trim();
		boolean bind = bindByDefault;
		String address = trimmed;
		if (trimmed.startsWith("@")) {
			bind = true;
			address = trimmed.substring(1).trim();
		}
		else if (trimmed.startsWith(">")) {
			bind = false;
			address = trimmed.substring(1).trim();
		}
		validate(spec, address, bind);
		return new ZmqAddress(address, bind);
	}

	/**
	 * Return the transport, for example {@code tcp}.
	 * @return the transport in lower case
	 */
	public String transport() {
		return this.address.substring(0, this.address.indexOf("://")).toLowerCase(Locale.ROOT);
	}

	/**
	 * Return the address in CZMQ notation, direction included.
	 * @return for example {@code @tcp://*:5555}
	 */
	@Override
	public String toString() {
		return (this.bind ? "@" : ">") + this.address;
	}

	private static void validate(String spec, String address, boolean bind) {
		int separator = address.indexOf("://");
		if (separator <= 0) {
			throw invalid(spec, "an address needs a transport, as in tcp://host:port or inproc://name");
		}
		String transport = address.substring(0, separator).toLowerCase(Locale.ROOT);
		String rest = address.substring(separator + 3);
		switch (transport) {
			case "tcp" -> validateTcp(spec, rest, bind);
			case "inproc", "ipc" -> {
				if (rest.isEmpty()) {
					throw invalid(spec, transport + ":// needs a name, as in " + transport + "://orders");
				}
			}
			case "pgm", "epgm" -> throw new ZmqInvalidEndpointException(spec,
					"the " + transport + ":// multicast transport is not supported by JeroMQ",
					"Use tcp:// (with a PUB/SUB forwarder for fan-out across hosts) or inproc:// within the application.");
			default ->
				throw new ZmqInvalidEndpointException(spec, "transport '" + transport + "' is not supported by JeroMQ",
						"Use tcp://host:port, inproc://name or ipc://name.");
		}
	}

	private static void validateTcp(String spec, String rest, boolean bind) {
		int colon = rest.lastIndexOf(':');
		if (colon <= 0 || colon == rest.length() - 1) {
			throw invalid(spec, "a tcp address needs a host and a port, as in tcp://*:5555 or tcp://localhost:5555");
		}
		String host = rest.substring(0, colon);
		String port = rest.substring(colon + 1);
		if (!bind && (host.equals("*") || port.equals("*") || port.equals("0"))) {
			throw invalid(spec, "a connect address needs a concrete host and port (wildcards only bind)");
		}
		if (!port.equals("*") && !port.equals("!")) {
			try {
				int number = Integer.parseInt(port);
				if (number < 0 || number > 65535) {
					throw invalid(spec, "port " + port + " is out of range (0-65535)");
				}
			}
			catch (NumberFormatException ex) {
				throw invalid(spec, "port '" + port + "' is not a number or *");
			}
		}
	}

	private static ZmqInvalidEndpointException invalid(String spec, String reason) {
		return new ZmqInvalidEndpointException(spec, reason,
				"Write the address as @tcp://*:5555 (bind), >tcp://host:5555 (connect) or inproc://name.");
	}

}
