package dev.ferry.antenna.model;

import dev.ferry.model.Table;

@Table("users_user")
public record User(long id, String email, String name, String image, boolean isSuperuser) {
}
