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

package io.github.zmqspring.autoconfigure;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import org.springframework.boot.context.properties.NestedConfigurationProperty;

import io.github.zmqspring.security.IpFilter;
import io.github.zmqspring.security.ZmqInvalidSecurityException;
import io.github.zmqspring.security.ZmqMechanism;
import io.github.zmqspring.security.ZmqSecurity;

/**
 * Security of one endpoint, under {@code zmq.endpoints.<name>.security}: the mechanism,
 * CURVE keys or PLAIN credentials, and IP allow and deny lists. See docs/security.md.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqSecurityProperties {

	/**
	 * Security mechanism: null (none, ZeroMQ's default), plain (user name and password in
	 * clear text) or curve (encryption and public-key authentication).
	 */
	private ZmqMechanism mechanism = ZmqMechanism.NULL;

	/**
	 * CURVE keys: the socket's own key pair, and either the server's public key (a
	 * client) or the client keys it lets in (a server).
	 */
	@NestedConfigurationProperty
	private final ZmqCurveProperties curve = new ZmqCurveProperties();

	/**
	 * PLAIN credentials: a client's user name and password, or a server's users.
	 */
	@NestedConfigurationProperty
	private final ZmqPlainProperties plain = new ZmqPlainProperties();

	/**
	 * IP addresses or CIDR ranges (10.0.0.0/8) that may connect; when set, every other
	 * address is refused. Checked for NULL sockets and CURVE or PLAIN servers.
	 */
	private List<String> allow = new ArrayList<>();

	/**
	 * IP addresses or CIDR ranges that may not connect; wins over allow.
	 */
	private List<String> deny = new ArrayList<>();

	public ZmqMechanism getMechanism() {
		return this.mechanism;
	}

	public void setMechanism(@Nullable ZmqMechanism mechanism) {
		this.mechanism = (mechanism != null) ? mechanism : ZmqMechanism.NULL;
	}

	public ZmqCurveProperties getCurve() {
		return this.curve;
	}

	public ZmqPlainProperties getPlain() {
		return this.plain;
	}

	public List<String> getAllow() {
		return this.allow;
	}

	public void setAllow(List<String> allow) {
		this.allow = allow;
	}

	public List<String> getDeny() {
		return this.deny;
	}

	public void setDeny(List<String> deny) {
		this.deny = deny;
	}

	/**
	 * Check these settings and turn them into the endpoint's security, reading key files.
	 * @param prefix the settings' property prefix, for example
	 * {@code zmq.endpoints.greeter.security}
	 * @return the security
	 * @throws ZmqInvalidSecurityException naming the first property at fault
	 */
	ZmqSecurity toSecurity(String prefix) {
		IpFilter ipFilter = IpFilter.of(prefix + ".allow", this.allow, prefix + ".deny", this.deny);
		if (this.mechanism != ZmqMechanism.CURVE && this.curve.isSet()) {
			throw unused(prefix, "curve");
		}
		if (this.mechanism != ZmqMechanism.PLAIN && this.plain.isSet()) {
			throw unused(prefix, "plain");
		}
		return switch (this.mechanism) {
			case NULL -> ZmqSecurity.none(ipFilter);
			case CURVE -> this.curve.toSecurity(prefix, ipFilter);
			case PLAIN -> this.plain.toSecurity(prefix, ipFilter);
		};
	}

	private ZmqInvalidSecurityException unused(String prefix, String mechanism) {
		return new ZmqInvalidSecurityException(prefix + "." + mechanism,
				"is set while " + prefix + ".mechanism is " + this.mechanism.name().toLowerCase(Locale.ROOT),
				"Set " + prefix + ".mechanism to " + mechanism + ", or remove the " + prefix + "." + mechanism
						+ ".* settings: the endpoint would otherwise run without the security they describe.");
	}

	static ZmqInvalidSecurityException clientWithIpLists(String prefix, String mechanism) {
		return new ZmqInvalidSecurityException(prefix + ".allow",
				"(or .deny) is set on a " + mechanism + " client, where it is never checked",
				"Remove " + prefix + ".allow and .deny: IP lists are checked by servers (and NULL sockets); a "
						+ "client chooses its server by address.");
	}

}
