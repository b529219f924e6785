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

package io.github.zmqspring.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

/**
 * IP allow and deny lists of an endpoint: exact addresses ({@code 10.0.0.7}, {@code ::1})
 * or CIDR ranges ({@code 10.0.0.0/8}). A denied address is refused; when the allow list
 * is not empty, so is every address not on it. This limits who can reach an endpoint; it
 * is not authentication (addresses can be spoofed or shared).
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public final class IpFilter {

	/** A filter that lets every address in. */
	public static final IpFilter NONE = new IpFilter(List.of(), List.of());

	private static final Pattern IPV4 = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){3}");

	private static final Pattern IPV6 = Pattern.compile("[0-9a-fA-F:.]+");

	private final List<Range> allowed;

	private final List<Range> denied;

	private IpFilter(List<Range> allowed, List<Range> denied) {
		this.allowed = allowed;
		this.denied = denied;
	}

	/**
	 * Create a filter.
	 * @param allowProperty the allow list's property, for error messages
	 * @param allow the allowed addresses or ranges; empty allows every address not denied
	 * @param denyProperty the deny list's property, for error messages
	 * @param deny the denied addresses or ranges
	 * @return the filter
	 * @throws ZmqInvalidSecurityException naming the property of an entry that is not an
	 * IP address or CIDR range
	 */
	public static IpFilter of(String allowProperty, List<String> allow, String denyProperty, List<String> deny) {
		if (allow.isEmpty() && deny.isEmpty()) {
			return NONE;
		}
		return new IpFilter(parse(allowProperty, allow), parse(denyProperty, deny));
	}

	/**
	 * Return whether this filter lets every address in.
	 * @return {@code true} when both lists are empty
	 */
	public boolean isEmpty() {
		return this.allowed.isEmpty() && this.denied.isEmpty();
	}

	/**
	 * Return whether a peer's address may connect.
	 * @param address the peer's IP address as JeroMQ reports it (no port)
	 * @return {@code false} if denied, or not allowed while the allow list is not empty;
	 * also for an address that is not an IP literal while any list is set
	 */
	public boolean permits(String address) {
		if (isEmpty()) {
			return true;
		}
		byte[] bytes = literal(address);
		if (bytes == null) {
			return false;
		}
		for (Range range : this.denied) {
			if (range.contains(bytes)) {
				return false;
			}
		}
		if (this.allowed.isEmpty()) {
			return true;
		}
		for (Range range : this.allowed) {
			if (range.contains(bytes)) {
				return true;
			}
		}
		return false;
	}

	private static List<Range> parse(String property, List<String> entries) {
		List<Range> ranges = new ArrayList<>();
		for (String entry : entries) {
			String text = entry.trim();
			if (text.isEmpty()) {
				continue;
			}
			int slash = text.indexOf('/');
			byte[] network = literal((slash < 0) ? text : text.substring(0, slash));
			if (network == null) {
				throw invalid(property, text);
			}
			int bits = network.length * 8;
			if (slash >= 0) {
				try {
					bits = Integer.parseInt(text.substring(slash + 1));
				}
				catch (NumberFormatException ex) {
					throw invalid(property, text);
				}
				if (bits < 0 || bits > network.length * 8) {
					throw invalid(property, text);
				}
			}
			ranges.add(new Range(network, bits));
		}
		return List.copyOf(ranges);
	}

	private static ZmqInvalidSecurityException invalid(String property, String entry) {
		return new ZmqInvalidSecurityException(property,
				"has the entry '" + entry + "', which is not an IP address or CIDR range",
				"Write IP addresses such as 10.0.0.7 or ::1, or CIDR ranges such as 10.0.0.0/8; host names are not "
						+ "resolved.");
	}

	/**
	 * Parse an IP literal without ever asking DNS.
	 */
	private static byte @Nullable [] literal(String text) {
		boolean v4 = IPV4.matcher(text).matches();
		if (!v4 && !(text.indexOf(':') >= 0 && IPV6.matcher(text).matches())) {
			return null;
		}
		if (v4) {
			for (String part : text.split("\\.")) {
				if (Integer.parseInt(part) > 255) {
					return null;
				}
			}
		}
		try {
			// a literal: InetAddress parses it and does not resolve anything
			return InetAddress.getByName(text).getAddress();
		}
		catch (UnknownHostException ex) {
			return null;
		}
	}

	private record Range(byte[] network, int bits) {

		boolean contains(byte[] address) {
			if (address.length != this.network.length) {
				return false;
			}
			int full = this.bits / 8;
			for (int i = 0; i < full; i++) {
				if (address[i] != this.network[i]) {
					return false;
				}
			}
			int rest = this.bits % 8;
			if (rest == 0) {
				return true;
			}
			int mask = (0xFF << (8 - rest)) & 0xFF;
			return (address[full] & mask) == (this.network[full] & mask);
		}

	}

}
