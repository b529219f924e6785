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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.zeromq.ZCert;

import org.springframework.core.io.FileSystemResource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class CurveKeysAndIpFilterTests {

	@Test
	void z85KeyRoundTripsAndPublicKeyIsDerivedFromSecretKey() {
		ZCert cert = new ZCert();
		byte[] secret = CurveKeys.decode("p", cert.getSecretKeyAsZ85());
		assertThat(secret).isEqualTo(cert.getSecretKey());
		assertThat(CurveKeys.encode(CurveKeys.publicKeyOf(secret))).isEqualTo(cert.getPublicKeyAsZ85());
	}

	@Test
	void malformedKeysNameThePropertyAndNeverTheValue() {
		String good = new ZCert().getSecretKeyAsZ85();
		String shortKey = good.substring(1);
		assertThatExceptionOfType(ZmqInvalidSecurityException.class)
			.isThrownBy(() -> CurveKeys.decode("zmq.endpoints.a.security.curve.secret-key", shortKey))
			.satisfies((ex) -> {
				assertThat(ex.getProperty()).isEqualTo("zmq.endpoints.a.security.curve.secret-key");
				assertThat(ex.getReason()).contains("39 characters");
				assertThat(ex.getMessage() + ex.getAction()).doesNotContain(shortKey);
			});
		String badChar = "\"" + good.substring(1);
		assertThatExceptionOfType(ZmqInvalidSecurityException.class).isThrownBy(() -> CurveKeys.decode("p", badChar))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("position 1"));
		// five '#' (84) encode 85^5 - 1, more than four bytes can hold
		String overflow = "#####" + good.substring(5);
		assertThatExceptionOfType(ZmqInvalidSecurityException.class).isThrownBy(() -> CurveKeys.decode("p", overflow))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("not valid Z85"));
	}

	@Test
	void certificatesWrittenByTheGeneratorAreReadBack(@TempDir Path dir) throws Exception {
		String publicKey = ZmqCertificateGenerator.generate(dir, "server");
		ZmqCertificate secret = ZmqCertificate.load("p", new FileSystemResource(dir.resolve("server.key_secret")));
		ZmqCertificate pub = ZmqCertificate.load("p", new FileSystemResource(dir.resolve("server.key")));
		assertThat(CurveKeys.encode(secret.publicKey())).isEqualTo(publicKey);
		assertThat(secret.secretKey()).isNotNull();
		assertThat(pub.secretKey()).isNull();
		assertThat(CurveKeys.encode(pub.publicKey())).isEqualTo(publicKey);
		assertThat(secret.toString()).contains(publicKey).doesNotContain(CurveKeys.encode(secret.secretKey()));
		assertThat(publicKey).doesNotContain("$");
		assertThat(CurveKeys.encode(secret.secretKey())).doesNotContain("$");
		assertThatExceptionOfType(java.nio.file.FileAlreadyExistsException.class)
			.isThrownBy(() -> ZmqCertificateGenerator.generate(dir, "server"));
	}

	@Test
	void unreadableOrEmptyCertificateNamesTheProperty(@TempDir Path dir) throws Exception {
		assertThatExceptionOfType(ZmqInvalidSecurityException.class)
			.isThrownBy(() -> ZmqCertificate.load("cert-prop", new FileSystemResource(dir.resolve("missing.key"))))
			.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("cert-prop"));
		Path empty = Files.writeString(dir.resolve("empty.key"), "metadata\ncurve\n");
		assertThatExceptionOfType(ZmqInvalidSecurityException.class)
			.isThrownBy(() -> ZmqCertificate.load("cert-prop", new FileSystemResource(empty)))
			.satisfies((ex) -> assertThat(ex.getReason()).contains("no curve public-key"));
	}

	@Test
	void ipFilterDeniesAllowsAndMatchesRanges() {
		IpFilter filter = IpFilter.of("allow", List.of("10.0.0.0/8", "::1"), "deny", List.of("10.0.0.66"));
		assertThat(filter.permits("10.1.2.3")).isTrue();
		assertThat(filter.permits("10.0.0.66")).isFalse();
		assertThat(filter.permits("11.0.0.1")).isFalse();
		assertThat(filter.permits("0:0:0:0:0:0:0:1")).isTrue();
		assertThat(filter.permits("not-an-address")).isFalse();
		IpFilter denyOnly = IpFilter.of("allow", List.of(), "deny", List.of("127.0.0.0/24"));
		assertThat(denyOnly.permits("127.0.0.1")).isFalse();
		assertThat(denyOnly.permits("192.168.1.1")).isTrue();
		assertThat(IpFilter.of("a", List.of("192.168.1.128/25"), "d", List.of()).permits("192.168.1.127")).isFalse();
		assertThat(IpFilter.of("a", List.of(), "d", List.of())).isSameAs(IpFilter.NONE);
	}

	@Test
	void ipFilterEntriesThatAreNoAddressesFailNamingTheProperty() {
		for (String entry : List.of("not-an-ip", "10.0.0.0/33", "300.1.1.1", "example.com", "10.0.0.1/x")) {
			assertThatExceptionOfType(ZmqInvalidSecurityException.class)
				.isThrownBy(() -> IpFilter.of("zmq.endpoints.a.security.allow", List.of(entry), "d", List.of()))
				.satisfies((ex) -> assertThat(ex.getProperty()).isEqualTo("zmq.endpoints.a.security.allow"));
		}
	}

}
