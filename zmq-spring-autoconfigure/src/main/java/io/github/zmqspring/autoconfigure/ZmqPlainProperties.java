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

import java.util.LinkedHashMap;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import io.github.zmqspring.security.IpFilter;
import io.github.zmqspring.security.ZmqInvalidSecurityException;
import io.github.zmqspring.security.ZmqSecurity;

/**
 * PLAIN settings of an endpoint, under {@code zmq.endpoints.<name>.security.plain}.
 *
 * @author zmq-spring contributors
 * @since 0.1.0
 */
public class ZmqPlainProperties {

	/**
	 * Client only: the user name it sends.
	 */
	private @Nullable String username;

	/**
	 * Client only: the password it sends, in clear text. A secret.
	 */
	private @Nullable String password;

	/**
	 * Server only: user names and their passwords. Secrets.
	 */
	private Map<String, String> users = new LinkedHashMap<>();

	public @Nullable String getUsername() {
		return this.username;
	}

	public void setUsername(@Nullable String username) {
		this.username = username;
	}

	public @Nullable String getPassword() {
		return this.password;
	}

	public void setPassword(@Nullable String password) {
		this.password = password;
	}

	public Map<String, String> getUsers() {
		return this.users;
	}

	public void setUsers(Map<String, String> users) {
		this.users = users;
	}

	boolean isSet() {
		return this.username != null || this.password != null || !this.users.isEmpty();
	}

	ZmqSecurity toSecurity(String prefix, IpFilter ipFilter) {
		String plain = prefix + ".plain";
		if (this.username != null || this.password != null) {
			if (!this.users.isEmpty()) {
				throw new ZmqInvalidSecurityException(plain + ".users", "is set together with username/password", "Set "
						+ plain + ".username and .password on a client, or " + plain + ".users on a server, not both.");
			}
			if (this.username == null || this.username.isEmpty()) {
				throw new ZmqInvalidSecurityException(plain + ".username", "is not set",
						"Set " + plain + ".username together with " + plain + ".password.");
			}
			if (this.password == null || this.password.isEmpty()) {
				throw new ZmqInvalidSecurityException(plain + ".password", "is not set",
						"Set " + plain + ".password together with " + plain + ".username.");
			}
			if (!ipFilter.isEmpty()) {
				throw ZmqSecurityProperties.clientWithIpLists(prefix, "PLAIN");
			}
			return ZmqSecurity.plainClient(this.username, this.password);
		}
		if (this.users.isEmpty()) {
			throw new ZmqInvalidSecurityException(plain + ".users", "is empty",
					"Set " + plain + ".users (user name: password) on a PLAIN server, or " + plain
							+ ".username and .password on a PLAIN client.");
		}
		this.users.forEach((user, password) -> {
			if (password == null || password.isEmpty()) {
				throw new ZmqInvalidSecurityException(plain + ".users", "has a user with no password",
						"Give every user under " + plain + ".users a password.");
			}
		});
		return ZmqSecurity.plainServer(this.users, ipFilter);
	}

}
