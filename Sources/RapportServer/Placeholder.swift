import Vapor
enum ServerPlaceholder {}
